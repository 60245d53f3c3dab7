package dev.cairn.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.MalformedInputException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against Jackson's CBOR module. Profile exclusions, where Jackson reads what
 * Cairn rejects by design: integers outside signed 64 bits, floats, tags, simple values other than
 * false/true/null, and everything non-canonical.
 */
class JacksonDifferentialTest {
    /** Wherever we accept, Jackson reads the same value. */
    @Test
    void whatWeAcceptJacksonReadsAlike() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(10_000).forAll(CborGenerators.hostileInputs()).checkAssert(input -> {
            CborValue ours;
            try {
                ours = Cbor.decode(input);
            } catch (MalformedInputException e) {
                return;
            }
            accepted.incrementAndGet();
            JacksonOracle.assertSame(ours, JacksonOracle.read(input));
        });
        assertTrue(accepted.get() > 100, "accepted " + accepted);
    }

    /** Jackson's own encodings: where they are canonical we accept them; otherwise we reject them. */
    @Test
    void jacksonEncodingsAreAcceptedExactlyWhenCanonical() {
        AtomicInteger canonical = new AtomicInteger();
        qt().withExamples(3_000).forAll(CborGenerators.values(3)).checkAssert(value -> {
            byte[] theirs = JacksonOracle.write(value);
            JacksonOracle.assertSame(value, JacksonOracle.read(theirs));
            if (Arrays.equals(theirs, Cbor.encode(value))) {
                canonical.incrementAndGet();
                assertEquals(value, Cbor.decode(theirs));
            } else {
                assertRejectedOrCanonical(theirs);
            }
        });
        assertTrue(canonical.get() > 1_000, "canonical " + canonical);
    }

    /** Wherever Jackson reads a value whose canonical encoding is the input, we accept it too. */
    @Test
    void whatJacksonReadsCanonicallyWeAccept() {
        AtomicInteger checked = new AtomicInteger();
        qt().withExamples(10_000).forAll(CborGenerators.hostileInputs()).checkAssert(input -> {
            JsonNode theirs = JacksonOracle.read(input);
            if (theirs == null) {
                return;
            }
            for (boolean numericKeysAsInts : new boolean[] {true, false}) {
                CborValue candidate = JacksonOracle.toCbor(theirs, numericKeysAsInts);
                if (candidate != null && Arrays.equals(Cbor.encode(candidate), input)) {
                    checked.incrementAndGet();
                    assertEquals(candidate, Cbor.decode(input));
                }
            }
        });
        assertTrue(checked.get() > 100, "checked " + checked);
    }

    private static void assertRejectedOrCanonical(byte[] input) {
        try {
            assertArrayEquals(input, Cbor.encode(Cbor.decode(input)));
        } catch (MalformedInputException expected) {
            // non-canonical input is rejected
        }
    }
}
