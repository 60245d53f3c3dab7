package dev.cairn.errors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ErrorCodeTest {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]+");
    private static final List<String> PREFIXES = List.of(
            "CBOR_",
            "KEY_",
            "SIGNATURE_",
            "COSE_",
            "MARKER_",
            "MMR_",
            "RECEIPT_",
            "IDENTITY_",
            "KEYFILE_",
            "CSR_",
            "CERT_",
            "CA_",
            "REVOCATION_",
            "BUNDLE_",
            "RENEWAL_",
            "TOKEN_",
            "TLS_",
            "MERKLE_",
            "NOTE_",
            "AUDIT_",
            "PROOF_",
            "STORE_",
            "CONFIG_",
            "HTTP_",
            "AUTH_",
            "CLUSTER_",
            "JOIN_",
            "NODE_",
            "AGENT_",
            "INTERNAL_");

    private static Stream<ErrorCode> codes() {
        return Arrays.stream(ErrorCode.values());
    }

    @Test
    void everyCodeHasAHint() {
        assertAll(codes().map(code -> (Executable) () -> {
            assertTrue(code.hint() != null && !code.hint().isBlank(), code + " has no hint");
            assertEquals(code.hint().strip(), code.hint(), code + " hint has stray whitespace");
        }));
    }

    @Test
    void namesAreUniqueWireFormsWithAKnownPrefix() {
        Set<String> seen = new HashSet<>();
        assertAll(codes().map(code -> (Executable) () -> {
            assertTrue(seen.add(code.name()), "duplicate " + code);
            assertTrue(NAME.matcher(code.name()).matches(), code.name());
            assertTrue(PREFIXES.stream().anyMatch(code.name()::startsWith), code + " has no known prefix");
            assertFalse(code.name().endsWith("_") || code.name().contains("__"), code.name());
        }));
        assertEquals(ErrorCode.values().length, seen.size());
    }

    @Test
    void prefixesAgreeWithFamilies() {
        assertAll(codes().map(code -> (Executable) () -> {
            if (code.name().startsWith("CBOR_")) {
                assertEquals(ErrorFamily.MALFORMED_INPUT, code.family(), code.name());
            }
            // The prefix names the area; only the general INTERNAL_ codes are tied to one family.
            if (code.name().startsWith("INTERNAL_")) {
                assertEquals(ErrorFamily.INTERNAL, code.family(), code.name());
            }
        }));
    }

    @Test
    void retrySemanticsAreConsistent() {
        assertAll(codes().map(code -> (Executable) () -> {
            code.retryAfter().ifPresent(delay -> {
                assertTrue(code.retryable(), code + " has a delay but is not retryable");
                assertTrue(delay.compareTo(Duration.ZERO) > 0, code + " delay must be positive");
            });
            if (code.family() == ErrorFamily.MALFORMED_INPUT) {
                // "Sending it again fails again" (ErrorFamily.MALFORMED_INPUT).
                assertFalse(code.retryable(), code + " is malformed input and cannot succeed on retry");
            }
        }));
    }

    @Test
    void knownRetrySemantics() {
        assertTrue(ErrorCode.INTERNAL_IO.retryable());
        assertEquals(Duration.ofSeconds(1), ErrorCode.INTERNAL_IO.retryAfter().orElseThrow());
        assertFalse(ErrorCode.COSE_BAD_SIGNATURE.retryable());
        assertTrue(ErrorCode.COSE_BAD_SIGNATURE.retryAfter().isEmpty());
    }

    @Test
    void everyFamilyHasCodes() {
        Map<ErrorFamily, Long> counts = new java.util.EnumMap<>(ErrorFamily.class);
        codes().forEach(code -> counts.merge(code.family(), 1L, Long::sum));
        assertEquals(Set.of(ErrorFamily.values()), counts.keySet());
    }
}
