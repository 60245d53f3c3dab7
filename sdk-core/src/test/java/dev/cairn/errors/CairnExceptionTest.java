package dev.cairn.errors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CairnExceptionTest {

    /** One way to construct each family, keyed by the family it must accept. */
    private static final Map<ErrorFamily, List<Function<ErrorCode, CairnException>>> CONSTRUCTORS = Map.of(
            ErrorFamily.MALFORMED_INPUT,
            List.of(
                    code -> new MalformedInputException(code, "m"),
                    code -> new MalformedInputException(code, "m", 3),
                    code -> new MalformedInputException(code, "m", -1, Map.of("k", "v"), null)),
            ErrorFamily.REJECTED,
            List.of(
                    code -> new VerificationException(code, "m"),
                    code -> new VerificationException(code, "m", Map.of("k", "v"), null),
                    code -> VerificationException.mismatch(code, "want", "got")),
            ErrorFamily.INTERNAL,
            List.of(code -> new InternalException(code, "m", null)));

    @Test
    void everyConstructorAcceptsExactlyItsFamily() {
        assertAll(Stream.of(ErrorCode.values())
                .flatMap(code -> CONSTRUCTORS.entrySet().stream()
                        .flatMap(family -> family.getValue().stream().map(constructor -> (Executable) () -> {
                            if (code.family() == family.getKey()) {
                                CairnException e = constructor.apply(code);
                                assertSame(code, e.code());
                                assertEquals(code.retryable(), e.retryable(), code.name());
                                assertEquals(code.retryAfter(), e.retryAfter(), code.name());
                            } else {
                                assertThrows(
                                        IllegalArgumentException.class,
                                        () -> constructor.apply(code),
                                        code + " must not build a " + family.getKey() + " exception");
                            }
                        }))));
    }

    @Test
    void specificFamilyMismatches() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MalformedInputException(ErrorCode.COSE_BAD_SIGNATURE, "rejected, not malformed"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new VerificationException(ErrorCode.CBOR_TRUNCATED, "malformed, not rejected"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new InternalException(ErrorCode.KEY_INVALID, "not internal", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MalformedInputException(ErrorCode.INTERNAL_IO, "internal, not malformed"));
    }

    @Test
    void retryablePassesThrough() {
        InternalException io = new InternalException(ErrorCode.INTERNAL_IO, "disk full", null);
        assertTrue(io.retryable());
        assertEquals(ErrorCode.INTERNAL_IO.retryAfter(), io.retryAfter());
        InternalException bug = new InternalException(ErrorCode.INTERNAL_BUG, "invariant", null);
        assertFalse(bug.retryable());
        assertTrue(bug.retryAfter().isEmpty());
    }

    @Test
    void mismatchCarriesExpectedThenFound() {
        VerificationException e = VerificationException.mismatch(ErrorCode.COSE_KID_MISMATCH, "aa", "bb");
        assertEquals(ErrorCode.COSE_KID_MISMATCH, e.code());
        assertEquals(List.of("expected", "found"), List.copyOf(e.details().keySet()));
        assertEquals("aa", e.details().get("expected"));
        assertEquals("bb", e.details().get("found"));
        assertInstanceOf(CairnException.class, e);
    }

    @Test
    void offsetIsTheFirstDetail() {
        qt().forAll(longs().between(0, Long.MAX_VALUE)).checkAssert(offset -> {
            MalformedInputException e =
                    new MalformedInputException(ErrorCode.CBOR_TRUNCATED, "m", offset, Map.of("want", "more"), null);
            assertEquals(OptionalLong.of(offset), e.offset());
            assertEquals(Long.toString(offset), e.details().get("offset"));
            assertEquals(List.of("offset", "want"), List.copyOf(e.details().keySet()));
        });
    }

    @Test
    void negativeOffsetMeansNone() {
        MalformedInputException none = new MalformedInputException(ErrorCode.CBOR_TRUNCATED, "m");
        assertEquals(OptionalLong.empty(), none.offset());
        assertFalse(none.details().containsKey("offset"));
        MalformedInputException minusOne = new MalformedInputException(ErrorCode.CBOR_TRUNCATED, "m", -1);
        assertEquals(OptionalLong.empty(), minusOne.offset());
        assertTrue(minusOne.details().isEmpty());
        assertEquals(OptionalLong.of(0), new MalformedInputException(ErrorCode.CBOR_TRUNCATED, "m", 0).offset());
    }

    @Test
    void detailsAreACopyAndUnmodifiable() {
        Map<String, String> details = new HashMap<>();
        details.put("expected", "x");
        VerificationException e = new VerificationException(ErrorCode.COSE_BAD_SIGNATURE, "m", details, null);
        details.put("found", "y");
        assertEquals(Map.of("expected", "x"), e.details());
        assertThrows(UnsupportedOperationException.class, () -> e.details().put("k", "v"));
        MalformedInputException m = new MalformedInputException(ErrorCode.CBOR_TRUNCATED, "m", 5);
        assertThrows(UnsupportedOperationException.class, () -> m.details().clear());
    }

    @Test
    void causeIsKept() {
        RuntimeException cause = new IllegalStateException("provider");
        assertSame(cause, new InternalException(ErrorCode.INTERNAL_CRYPTO, "m", cause).getCause());
        assertSame(cause, new MalformedInputException(ErrorCode.KEY_INVALID, "m", -1, Map.of(), cause).getCause());
        assertSame(cause, new VerificationException(ErrorCode.SIGNATURE_INVALID, "m", Map.of(), cause).getCause());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new MalformedInputException(null, "m"));
        assertThrows(
                NullPointerException.class,
                () -> new VerificationException(ErrorCode.COSE_BAD_SIGNATURE, "m", null, null));
    }
}
