package dev.cairn.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Console console(boolean terminal) {
        return new Console(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal,
                now::get);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offUnlessForcedOrOnATerminal() {
        assertSame(ProgressBar.NONE, ProgressBar.start(console(false), false, "x", 10, "items"));
        try (ProgressBar bar = ProgressBar.start(console(true), false, "x", 10, "items")) {
            now.set(ProgressBar.DELAY_NANOS);
            bar.update(5, 5);
        }
        assertTrue(err().contains("x ["), err());
    }

    @Test
    void showsNothingForShortRunsAndRedrawsAtMostEveryTenthOfASecond() {
        try (ProgressBar bar = ProgressBar.start(console(false), true, "proofs", 1000, "documents")) {
            bar.update(10, 1);
            assertEquals("", err());
            now.set(ProgressBar.DELAY_NANOS);
            bar.update(100, 10);
            String first = err();
            assertTrue(first.startsWith("\r\033[K"), first);
            now.addAndGet(ProgressBar.REDRAW_NANOS / 2);
            bar.update(200, 20);
            assertEquals(first, err());
            now.addAndGet(ProgressBar.REDRAW_NANOS);
            bar.update(300, 30);
            assertTrue(err().length() > first.length());
        }
        assertTrue(err().endsWith(System.lineSeparator()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rendersFractionRateAndTimeLeft() {
        ProgressBar bar = ProgressBar.start(console(false), true, "proofs", 1000, "documents");
        bar.update(250, 50);
        String line = bar.render(10_000_000_000L);
        assertTrue(line.startsWith("proofs [========"), line);
        assertTrue(line.contains(" 25% 50 documents  5.0/s  ETA 0:30"), line);
        ProgressBar unknown = ProgressBar.start(console(false), true, "proofs", -1, "documents");
        unknown.update(0, 7);
        assertEquals("proofs 7 documents  3.5/s", unknown.render(2_000_000_000L));
    }

    @Test
    void clearingRemovesTheDrawnBar() {
        ProgressBar bar = ProgressBar.start(console(false), true, "proofs", 10, "documents");
        bar.clear();
        assertEquals("", err());
        now.set(ProgressBar.DELAY_NANOS);
        bar.update(1, 1);
        bar.clear();
        assertTrue(err().endsWith("\r\033[K"), err());
    }
}
