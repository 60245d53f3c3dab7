package dev.cairn.cose;

import static dev.cairn.bytes.ByteGens.bytes;
import static dev.cairn.bytes.ByteGens.hex;
import static dev.cairn.cose.CoseFixtures.EC;
import static dev.cairn.cose.CoseFixtures.ED;
import static dev.cairn.cose.CoseFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.SigningKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every corruption of a signed message must end in a typed Cairn error, never in a verified value. */
class CoseTamperTest {
    private static final byte[] PAYLOAD =
            "a receipt, or any payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] AAD = {0x11, 0x22};

    private static CoseVerifier lenientKidVerifier(SigningKey key) {
        return CoseVerifier.builder()
                .key(key.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256)
                .ignoreKid()
                .build();
    }

    /** Flips every bit of the encoded message in turn; each variant must be rejected by both verifiers. */
    private static List<Executable> everyBitFlip(SigningKey key, byte[] encoded, byte[] detached) {
        List<Executable> checks = new ArrayList<>();
        CoseVerifier strict = verifier(key);
        CoseVerifier lenient = lenientKidVerifier(key);
        for (int bit = 0; bit < 8 * encoded.length; bit++) {
            byte[] flipped = encoded.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            int where = bit;
            for (CoseVerifier verifier : new CoseVerifier[] {strict, lenient}) {
                checks.add(() -> assertThrows(
                        CairnException.class,
                        () -> {
                            if (detached == null) {
                                verifier.verify(flipped, AAD);
                            } else {
                                verifier.verifyDetached(flipped, detached, AAD);
                            }
                        },
                        key.type() + " bit " + where + " of " + hex(encoded)));
            }
        }
        return checks;
    }

    @Test
    void everySingleBitFlipOfAnAttachedMessageIsRejected() {
        List<Executable> checks = new ArrayList<>();
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] encoded = CoseSigner.builder(key).build().sign(PAYLOAD, AAD).encode();
            verifier(key).verify(encoded, AAD); // the untouched message is fine
            checks.addAll(everyBitFlip(key, encoded, null));
        }
        assertAll(checks);
    }

    @Test
    void everySingleBitFlipOfADetachedMessageIsRejected() {
        List<Executable> checks = new ArrayList<>();
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] encoded =
                    CoseSigner.builder(key).build().signDetached(PAYLOAD, AAD).encode();
            verifier(key).verifyDetached(encoded, PAYLOAD, AAD);
            checks.addAll(everyBitFlip(key, encoded, PAYLOAD));
        }
        assertAll(checks);
    }

    @Test
    void everySingleBitFlipOfADetachedPayloadOrAadIsRejected() {
        List<Executable> checks = new ArrayList<>();
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] encoded =
                    CoseSigner.builder(key).build().signDetached(PAYLOAD, AAD).encode();
            for (int bit = 0; bit < 8 * PAYLOAD.length; bit++) {
                byte[] payload = PAYLOAD.clone();
                payload[bit / 8] ^= (byte) (1 << (bit % 8));
                checks.add(() ->
                        assertThrows(CairnException.class, () -> verifier(key).verifyDetached(encoded, payload, AAD)));
            }
            for (int bit = 0; bit < 8 * AAD.length; bit++) {
                byte[] aad = AAD.clone();
                aad[bit / 8] ^= (byte) (1 << (bit % 8));
                checks.add(() ->
                        assertThrows(CairnException.class, () -> verifier(key).verifyDetached(encoded, PAYLOAD, aad)));
            }
        }
        assertAll(checks);
    }

    @Test
    void everyTruncationAndExtensionIsRejected() {
        List<Executable> checks = new ArrayList<>();
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] encoded = CoseSigner.builder(key).build().sign(PAYLOAD).encode();
            for (int length = 0; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                checks.add(() ->
                        assertThrows(CairnException.class, () -> verifier(key).verify(truncated)));
            }
            for (int extra : new int[] {0x00, 0xa0, 0xf6, 0xff}) {
                byte[] extended = Arrays.copyOf(encoded, encoded.length + 1);
                extended[encoded.length] = (byte) extra;
                checks.add(() ->
                        assertThrows(CairnException.class, () -> verifier(key).verify(extended)));
            }
        }
        assertAll(checks);
    }

    @Test
    void arbitraryBytesGiveOnlyTypedErrors() {
        CoseVerifier verifier = verifier(ED);
        qt().withExamples(3000).forAll(bytes(120)).checkAssert(input -> {
            assertThrows(CairnException.class, () -> verifier.verify(input));
            assertThrows(CairnException.class, () -> verifier.verifyDetached(input, PAYLOAD));
        });
    }

    @Test
    void decodingArbitraryBytesGivesAMessageOrAMalformedInputError() {
        qt().withExamples(3000).forAll(bytes(100)).checkAssert(input -> {
            byte[] tagged = new byte[input.length + 1];
            tagged[0] = (byte) 0xd2;
            System.arraycopy(input, 0, tagged, 1, input.length);
            for (byte[] candidate : new byte[][] {input, tagged}) {
                try {
                    CoseSign1 message = CoseSign1.decode(candidate, CborLimits.DEFAULT);
                    assertArrayEquals(candidate, message.encode(), "a decoded message re-encodes to its bytes");
                } catch (MalformedInputException expected) {
                    // the only other allowed outcome
                }
            }
        });
    }

    @Test
    void arbitraryBytesBehindTheTagAndArrayHeadGiveOnlyTypedErrors() {
        // Start like a COSE_Sign1 (d2 84) so that the fuzzing reaches the headers and the signature check.
        CoseVerifier verifier = verifier(EC);
        qt().withExamples(3000).forAll(bytes(120)).checkAssert(tail -> {
            byte[] input = new byte[tail.length + 2];
            input[0] = (byte) 0xd2;
            input[1] = (byte) 0x84;
            System.arraycopy(tail, 0, input, 2, tail.length);
            assertThrows(CairnException.class, () -> verifier.verify(input));
        });
    }

    @Test
    void randomMutationsNeverForgeTheSignedParts() {
        // Several byte edits at once: the result is a typed error or, where only unprotected bytes changed
        // into something well formed, a message whose protected header and payload are still the signed ones.
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            CoseSign1 original = CoseSigner.builder(key).build().sign(PAYLOAD);
            byte[] encoded = original.encode();
            CoseVerifier verifier = lenientKidVerifier(key);
            qt().withExamples(1500)
                    .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4))
                    .checkAssert(edits -> {
                        byte[] mutated = encoded.clone();
                        for (int edit : edits) {
                            int position = edit % mutated.length;
                            mutated[position] = (byte) (mutated[position] + 1 + (edit >>> 24) % 255);
                        }
                        try {
                            VerifiedSign1 verified = verifier.verify(mutated);
                            assertEquals(
                                    original.protectedHeader(),
                                    verified.message().protectedHeader());
                            assertEquals(Bytes.copyOf(PAYLOAD), verified.payload());
                        } catch (CairnException expected) {
                            // a typed error is the expected outcome
                        }
                    });
        }
    }
}
