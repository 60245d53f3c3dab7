package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** W3C traceparent parsing (Trace Context Level 1, section 3.2), strictly. */
class TraceTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidHeaderIsHonoured() {
        Trace trace = Trace.begin(List.of(VALID));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", trace.traceId());
        assertEquals(Optional.of("00f067aa0ba902b7"), trace.parentId());
        assertNotEquals("00f067aa0ba902b7", trace.spanId());
        assertTrue(trace.sampled());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-" + trace.spanId() + "-01", trace.traceparent());
    }

    @Test
    void aLaterVersionIsReadByItsVersion00Fields() {
        assertTrue(Trace.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra")
                .isPresent());
        assertTrue(Trace.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
                .isPresent());
    }

    @Test
    void malformedHeadersAreIgnored() {
        for (String bad : new String[] {
            "",
            "garbage",
            VALID.toUpperCase(java.util.Locale.ROOT),
            VALID + "-",
            VALID + "0",
            VALID.substring(1),
            "ff" + VALID.substring(2),
            "0g" + VALID.substring(2),
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
            "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00x",
            " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        }) {
            assertEquals(Optional.empty(), Trace.parse(bad), bad);
            Trace trace = Trace.begin(List.of(bad));
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", trace.traceId(), bad);
            assertEquals(Optional.empty(), trace.parentId());
        }
    }

    @Test
    void twoHeadersAreIgnoredAndNoneStartsATrace() {
        Trace two = Trace.begin(List.of(VALID, VALID));
        assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", two.traceId());
        Trace none = Trace.begin(List.of());
        assertTrue(none.traceId().matches("[0-9a-f]{32}"));
        assertNotEquals(none.traceId(), Trace.begin(List.of()).traceId());
    }
}
