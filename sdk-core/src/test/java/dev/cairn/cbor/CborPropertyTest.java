package dev.cairn.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.MalformedInputException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Properties of the codec over generated values and hostile inputs. */
class CborPropertyTest {
    private static final CborLimits ALL_TEST_TAGS = CborLimits.DEFAULT.withAllowedTags(CborGenerators.TAGS);

    @Test
    void decodeInvertsEncode() {
        qt().withExamples(3000).forAll(CborGenerators.valuesWithTags(4)).checkAssert(value -> {
            byte[] encoded = Cbor.encode(value);
            CborValue decoded = Cbor.decode(encoded, ALL_TEST_TAGS);
            assertEquals(value, decoded);
            assertEquals(value.hashCode(), decoded.hashCode());
            assertArrayEquals(encoded, Cbor.encode(decoded));
        });
    }

    @Test
    void encodingIsIndependentOfInsertionOrder() {
        qt().withExamples(1000)
                .forAll(CborGenerators.values(2).map(v -> v instanceof CborMap m ? m : CborMap.empty()))
                .checkAssert(map -> {
                    CborMap.Builder reversed = CborMap.builder();
                    for (int i = map.size() - 1; i >= 0; i--) {
                        reversed.put(
                                map.entries().get(i).key(), map.entries().get(i).value());
                    }
                    assertArrayEquals(Cbor.encode(map), Cbor.encode(reversed.build()));
                });
    }

    /** Nothing but a typed error escapes, and acceptance implies the input was canonical. */
    @Test
    void hostileInputsGiveAValueOrATypedError() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        qt().withExamples(20_000)
                .forAll(CborGenerators.hostileInputs(), CborGenerators.limits())
                .checkAssert((input, limits) -> {
                    CborValue value;
                    try {
                        value = Cbor.decode(input, limits);
                    } catch (MalformedInputException e) {
                        rejected.incrementAndGet();
                        assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family());
                        assertTrue(e.code().name().startsWith("CBOR_"), e.code().name());
                        long offset = e.offset().orElseThrow();
                        assertTrue(offset >= 0 && offset <= input.length, "offset " + offset);
                        return;
                    }
                    accepted.incrementAndGet();
                    assertArrayEquals(input, Cbor.encode(value));
                });
        assertTrue(accepted.get() > 100, "accepted " + accepted);
        assertTrue(rejected.get() > 100, "rejected " + rejected);
    }
}
