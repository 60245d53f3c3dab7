package dev.cairn.cose;

import static dev.cairn.cose.CoseFixtures.EC;
import static dev.cairn.cose.CoseFixtures.EC_OTHER;
import static dev.cairn.cose.CoseFixtures.ED;
import static dev.cairn.cose.CoseFixtures.ED_OTHER;
import static dev.cairn.cose.CoseFixtures.codeOf;
import static dev.cairn.cose.CoseFixtures.signRaw;
import static dev.cairn.cose.CoseFixtures.standardProtected;
import static dev.cairn.cose.CoseFixtures.tagged;
import static dev.cairn.cose.CoseFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBool;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborTag;
import dev.cairn.cbor.CborText;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of CoseVerifier, with the code it must raise. Messages are built by hand, not by CoseSigner. */
class CoseVerifierRejectsTest {
    private static final byte[] PAYLOAD = {1, 2, 3};
    private static final byte[] NO_AAD = new byte[0];
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] valid(SigningKey key) {
        return signRaw(key, standardProtected(key).build(), CborMap.empty(), PAYLOAD);
    }

    private static CborBytes signature(byte[] encoded) {
        return new CborBytes(CoseSign1.decode(encoded, CborLimits.DEFAULT).signature());
    }

    private static CborBytes protectedBytes(SigningKey key) {
        return CborBytes.of(Cbor.encode(standardProtected(key).build()));
    }

    @Test
    void theHandBuiltBaselineVerifies() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            assertEquals(Bytes.copyOf(PAYLOAD), verifier(key).verify(valid(key)).payload());
        }
    }

    // --- structure ---

    @Test
    void untaggedIsAStructureError() {
        byte[] tagged = valid(ED);
        byte[] untagged = Arrays.copyOfRange(tagged, 1, tagged.length);
        assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(untagged)));
    }

    @Test
    void otherTagsAreStructureErrors() {
        byte[] tagged = valid(ED);
        byte[] body = Arrays.copyOfRange(tagged, 1, tagged.length);
        for (String head : new String[] {"d1", "d8 62", "d8 12", "d9 0012", "c0", "d7"}) {
            byte[] prefix = HEX.parseHex(head.replace(" ", ""));
            byte[] input = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, input, 0, prefix.length);
            System.arraycopy(body, 0, input, prefix.length, body.length);
            assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(input)), head);
        }
        assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(new byte[0])));
    }

    @Test
    void wrongArrayLengthsAreStructureErrors() {
        CborBytes prot = protectedBytes(ED);
        CborBytes payload = CborBytes.of(PAYLOAD);
        CborBytes sig = signature(valid(ED));
        CborArray[] bodies = {
            CborArray.of(),
            CborArray.of(prot, CborMap.empty(), payload),
            CborArray.of(prot, CborMap.empty(), payload, sig, CborNull.NULL),
        };
        for (CborArray body : bodies) {
            byte[] input = Cbor.encode(new CborTag(18, body));
            assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(input)), body.toDiagnostic());
        }
        byte[] mapBody =
                Cbor.encode(new CborTag(18, CborMap.builder().put(0, prot).build()));
        assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(mapBody)));
        byte[] intBody = Cbor.encode(new CborTag(18, CborInt.of(4)));
        assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(intBody)));
    }

    @Test
    void wrongElementTypesAreStructureErrors() {
        CborBytes prot = protectedBytes(ED);
        CborBytes payload = CborBytes.of(PAYLOAD);
        CborBytes sig = signature(valid(ED));
        byte[][] inputs = {
            tagged(standardProtected(ED).build(), CborMap.empty(), payload, sig), // protected as a map
            tagged(prot, CborBytes.of(new byte[] {(byte) 0xa0}), payload, sig), // unprotected as bytes
            tagged(prot, CborMap.empty(), CborText.of("\u0001\u0002\u0003"), sig), // payload as text
            tagged(prot, CborMap.empty(), CborBool.FALSE, sig),
            tagged(prot, CborMap.empty(), payload, CborNull.NULL), // signature nil
            tagged(CborNull.NULL, CborMap.empty(), payload, sig), // protected nil
            tagged(prot, CborNull.NULL, payload, sig),
        };
        for (byte[] input : inputs) {
            assertEquals(ErrorCode.COSE_STRUCTURE, codeOf(() -> verifier(ED).verify(input)), HEX.formatHex(input));
        }
    }

    @Test
    void nonCanonicalOuterCborIsACborError() {
        // The protected header's length written as 59 0026 instead of 58 26.
        byte[] canonical = valid(ED);
        assertEquals(0x58, canonical[2] & 0xff);
        byte[] longHead = new byte[canonical.length + 1];
        longHead[0] = canonical[0];
        longHead[1] = canonical[1];
        longHead[2] = 0x59;
        longHead[3] = 0x00;
        System.arraycopy(canonical, 3, longHead, 4, canonical.length - 3);
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> verifier(ED).verify(longHead));
        assertEquals(ErrorCode.CBOR_NON_CANONICAL, e.code());
    }

    @Test
    void tagsInsideTheMessageAreRejectedWhateverTheLimitsAllow() {
        CborBytes prot = protectedBytes(ED);
        CborBytes sig = signature(valid(ED));
        byte[] input = tagged(prot, CborMap.empty(), new CborTag(24, CborBytes.of(PAYLOAD)), sig);
        assertEquals(ErrorCode.CBOR_TAG_NOT_ALLOWED, codeOf(() -> verifier(ED).verify(input)));
        CoseVerifier permissive = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .limits(CborLimits.DEFAULT.withAllowedTags(Set.of(18L, 24L)))
                .build();
        assertEquals(ErrorCode.CBOR_TAG_NOT_ALLOWED, codeOf(() -> permissive.verify(input)));
    }

    // --- alg ---

    @Test
    void algMissingIsRejected() {
        CborMap noAlg = CborMap.builder()
                .put(4, new CborBytes(ED.verificationKey().kid()))
                .build();
        assertEquals(
                ErrorCode.COSE_ALG_MISSING,
                codeOf(() -> verifier(ED).verify(signRaw(ED, noAlg, CborMap.empty(), PAYLOAD))));
        byte[] emptyProtected = signRaw(ED, new byte[0], CborMap.empty(), PAYLOAD, NO_AAD, true);
        assertEquals(ErrorCode.COSE_ALG_MISSING, codeOf(() -> verifier(ED).verify(emptyProtected)));
        byte[] emptyMap = signRaw(ED, CborMap.empty(), CborMap.empty(), PAYLOAD);
        assertEquals(ErrorCode.COSE_ALG_MISSING, codeOf(() -> verifier(ED).verify(emptyMap)));
    }

    @Test
    void algOnlyInTheUnprotectedHeaderIsMissing() {
        CborMap prot = CborMap.builder()
                .put(4, new CborBytes(ED.verificationKey().kid()))
                .build();
        CborMap unprot = CborMap.builder().put(1, CborInt.of(-8)).build();
        byte[] input = signRaw(ED, prot, unprot, PAYLOAD);
        assertEquals(ErrorCode.COSE_ALG_MISSING, codeOf(() -> verifier(ED).verify(input)));
        assertEquals(
                ErrorCode.COSE_ALG_MISSING,
                codeOf(() -> CoseVerifier.builder()
                        .key(ED.verificationKey())
                        .allowAlgorithms(CoseAlgorithm.EDDSA)
                        .ignoreKid()
                        .build()
                        .verify(input)));
    }

    @Test
    void algOutsideTheAllowListIsRejected() {
        CoseVerifier eddsaOnly = CoseVerifier.builder()
                .key(EC.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .build();
        VerificationException e = assertThrows(VerificationException.class, () -> eddsaOnly.verify(valid(EC)));
        assertEquals(ErrorCode.COSE_ALG_NOT_ALLOWED, e.code());
        for (var alg :
                new dev.cairn.cbor.CborValue[] {CborInt.of(-35), CborInt.of(0), CborInt.of(-257), CborText.of("EdDSA")
                }) {
            CborMap prot = CborMap.builder()
                    .put(1, alg)
                    .put(4, new CborBytes(ED.verificationKey().kid()))
                    .build();
            byte[] input = signRaw(ED, prot, CborMap.empty(), PAYLOAD);
            assertEquals(
                    ErrorCode.COSE_ALG_NOT_ALLOWED, codeOf(() -> verifier(ED).verify(input)), alg.toDiagnostic());
        }
    }

    @Test
    void algOfAnotherTypeIsAHeaderError() {
        for (var alg : new dev.cairn.cbor.CborValue[] {
            CborBytes.of(new byte[] {0x27}), CborBool.TRUE, CborArray.of(CborInt.of(-8))
        }) {
            CborMap prot = CborMap.builder()
                    .put(1, alg)
                    .put(4, new CborBytes(ED.verificationKey().kid()))
                    .build();
            byte[] input = signRaw(ED, prot, CborMap.empty(), PAYLOAD);
            assertEquals(
                    ErrorCode.COSE_HEADER_INVALID, codeOf(() -> verifier(ED).verify(input)), alg.toDiagnostic());
        }
    }

    @Test
    void es256MessageCheckedWithAnEd25519KeyIsAnAlgKeyMismatch() {
        // The alg/key check runs before the kid check, so the foreign kid is not what is reported.
        assertEquals(ErrorCode.COSE_ALG_KEY_MISMATCH, codeOf(() -> verifier(ED).verify(valid(EC))));
        assertEquals(ErrorCode.COSE_ALG_KEY_MISMATCH, codeOf(() -> verifier(EC).verify(valid(ED))));
        // With EC's own kid but an EdDSA alg, signed by EC: still the alg/key check.
        CborMap prot = CborMap.builder()
                .put(1, CborInt.of(-8))
                .put(4, new CborBytes(EC.verificationKey().kid()))
                .build();
        assertEquals(
                ErrorCode.COSE_ALG_KEY_MISMATCH,
                codeOf(() -> verifier(EC).verify(signRaw(EC, prot, CborMap.empty(), PAYLOAD))));
    }

    // --- kid ---

    @Test
    void kidOfAnotherKeyIsRejected() {
        for (SigningKey[] pair : new SigningKey[][] {{ED, ED_OTHER}, {EC, EC_OTHER}}) {
            SigningKey signer = pair[0];
            CborMap prot = CborMap.builder()
                    .put(1, CborInt.of(signer.type().coseAlg()))
                    .put(4, new CborBytes(pair[1].verificationKey().kid()))
                    .build();
            byte[] input = signRaw(signer, prot, CborMap.empty(), PAYLOAD);
            VerificationException e = assertThrows(
                    VerificationException.class, () -> verifier(signer).verify(input));
            assertEquals(ErrorCode.COSE_KID_MISMATCH, e.code());
            assertEquals(signer.verificationKey().kid().toHex(), e.details().get("expected"));
            assertEquals(pair[1].verificationKey().kid().toHex(), e.details().get("found"));
            CoseVerifier ignoring = CoseVerifier.builder()
                    .key(signer.verificationKey())
                    .allowAlgorithms(CoseAlgorithm.forKeyType(signer.type()))
                    .ignoreKid()
                    .build();
            assertEquals(Bytes.copyOf(PAYLOAD), ignoring.verify(input).payload());
            // ignoreKid does not skip the signature: the other key still cannot verify it.
            CoseVerifier otherKey = CoseVerifier.builder()
                    .key(pair[1].verificationKey())
                    .allowAlgorithms(CoseAlgorithm.forKeyType(signer.type()))
                    .ignoreKid()
                    .build();
            assertEquals(ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> otherKey.verify(input)));
        }
    }

    @Test
    void aMissingKidIsAMismatchUnlessIgnored() {
        CborMap prot = CborMap.builder().put(1, CborInt.of(-8)).build();
        byte[] input = signRaw(ED, prot, CborMap.empty(), PAYLOAD);
        assertEquals(ErrorCode.COSE_KID_MISMATCH, codeOf(() -> verifier(ED).verify(input)));
        CoseVerifier ignoring = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .ignoreKid()
                .build();
        assertEquals(Bytes.copyOf(PAYLOAD), ignoring.verify(input).payload());
    }

    @Test
    void kidInTheUnprotectedHeaderIsCheckedToo() {
        CborMap prot = CborMap.builder().put(1, CborInt.of(-8)).build();
        CborMap own = CborMap.builder()
                .put(4, new CborBytes(ED.verificationKey().kid()))
                .build();
        assertEquals(
                Bytes.copyOf(PAYLOAD),
                verifier(ED).verify(signRaw(ED, prot, own, PAYLOAD)).payload());
        CborMap foreign = CborMap.builder()
                .put(4, new CborBytes(ED_OTHER.verificationKey().kid()))
                .build();
        assertEquals(
                ErrorCode.COSE_KID_MISMATCH, codeOf(() -> verifier(ED).verify(signRaw(ED, prot, foreign, PAYLOAD))));
    }

    @Test
    void kidThatIsNotAByteStringIsAHeaderError() {
        CborMap textKid = CborMap.builder()
                .put(1, CborInt.of(-8))
                .put(4, CborText.of(ED.verificationKey().kid().toHex()))
                .build();
        assertEquals(
                ErrorCode.COSE_HEADER_INVALID,
                codeOf(() -> verifier(ED).verify(signRaw(ED, textKid, CborMap.empty(), PAYLOAD))));
        CborMap prot = CborMap.builder().put(1, CborInt.of(-8)).build();
        CborMap intKid = CborMap.builder().put(4, CborInt.of(11)).build();
        assertEquals(
                ErrorCode.COSE_HEADER_INVALID, codeOf(() -> verifier(ED).verify(signRaw(ED, prot, intKid, PAYLOAD))));
        CoseVerifier ignoring = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .ignoreKid()
                .build();
        assertEquals(ErrorCode.COSE_HEADER_INVALID, codeOf(() -> ignoring.verify(signRaw(ED, prot, intKid, PAYLOAD))));
    }

    @Test
    void contentTypeMustBeTextOrUint16() {
        for (var bad : new dev.cairn.cbor.CborValue[] {
            CborInt.of(-1), CborInt.of(65536), CborBool.TRUE, CborBytes.of(new byte[1])
        }) {
            CborMap prot = standardProtected(ED).put(3, bad).build();
            assertEquals(
                    ErrorCode.COSE_HEADER_INVALID,
                    codeOf(() -> verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD))),
                    bad.toDiagnostic());
            CborMap unprot = CborMap.builder().put(3, bad).build();
            assertEquals(
                    ErrorCode.COSE_HEADER_INVALID,
                    codeOf(() -> verifier(ED)
                            .verify(signRaw(ED, standardProtected(ED).build(), unprot, PAYLOAD))));
        }
        for (var good : new dev.cairn.cbor.CborValue[] {CborInt.of(0), CborInt.of(65535), CborText.of("text/plain")}) {
            CborMap prot = standardProtected(ED).put(3, good).build();
            verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD));
        }
    }

    // --- crit ---

    @Test
    void unknownCriticalLabelIsRejectedUntilUnderstood() {
        CborMap prot = standardProtected(ED)
                .put(99, CborText.of("must be processed"))
                .put(2, CborArray.of(CborInt.of(99)))
                .build();
        byte[] input = signRaw(ED, prot, CborMap.empty(), PAYLOAD);
        assertEquals(ErrorCode.COSE_UNKNOWN_CRITICAL, codeOf(() -> verifier(ED).verify(input)));
        CoseVerifier understanding = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .understandCritical(99)
                .build();
        assertEquals(Bytes.copyOf(PAYLOAD), understanding.verify(input).payload());
        CoseVerifier otherLabel = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .understandCritical(98)
                .build();
        assertEquals(ErrorCode.COSE_UNKNOWN_CRITICAL, codeOf(() -> otherLabel.verify(input)));
    }

    @Test
    void criticalTextLabelIsUnknown() {
        CborMap prot = standardProtected(ED)
                .put("ext", CborInt.of(1))
                .put(2, CborArray.of(CborText.of("ext")))
                .build();
        assertEquals(
                ErrorCode.COSE_UNKNOWN_CRITICAL,
                codeOf(() -> verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD))));
    }

    @Test
    void criticalBaseLabelsAreUnderstood() {
        CborMap prot = standardProtected(ED)
                .put(3, CborText.of("text/plain"))
                .put(2, CborArray.of(CborInt.of(1), CborInt.of(3), CborInt.of(4)))
                .build();
        verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD));
    }

    @Test
    void critNamingAnAbsentLabelIsInvalid() {
        CborMap prot =
                standardProtected(ED).put(2, CborArray.of(CborInt.of(99))).build();
        assertEquals(
                ErrorCode.COSE_CRIT_INVALID,
                codeOf(() -> verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD))));
        // Present only in the unprotected header does not count.
        CborMap unprot = CborMap.builder().put(99, CborInt.of(1)).build();
        assertEquals(
                ErrorCode.COSE_CRIT_INVALID, codeOf(() -> verifier(ED).verify(signRaw(ED, prot, unprot, PAYLOAD))));
    }

    @Test
    void malformedCritIsInvalid() {
        for (var crit : new dev.cairn.cbor.CborValue[] {
            CborArray.of(), CborInt.of(99), CborBytes.of(new byte[] {99}), CborArray.of(CborBytes.of(new byte[] {1}))
        }) {
            CborMap prot =
                    standardProtected(ED).put(99, CborInt.of(0)).put(2, crit).build();
            assertEquals(
                    ErrorCode.COSE_CRIT_INVALID,
                    codeOf(() -> verifier(ED).verify(signRaw(ED, prot, CborMap.empty(), PAYLOAD))),
                    crit.toDiagnostic());
        }
    }

    @Test
    void critInTheUnprotectedHeaderIsInvalid() {
        CborMap prot = standardProtected(ED).put(99, CborInt.of(0)).build();
        CborMap unprot = CborMap.builder().put(2, CborArray.of(CborInt.of(99))).build();
        assertEquals(
                ErrorCode.COSE_CRIT_INVALID, codeOf(() -> verifier(ED).verify(signRaw(ED, prot, unprot, PAYLOAD))));
    }

    // --- header buckets ---

    @Test
    void theSameLabelInBothHeadersIsADuplicate() {
        CborMap prot = standardProtected(ED).put(99, CborInt.of(0)).build();
        CborMap[] unprots = {
            CborMap.builder().put(4, new CborBytes(ED.verificationKey().kid())).build(),
            CborMap.builder().put(1, CborInt.of(-8)).build(),
            CborMap.builder().put(99, CborInt.of(0)).build(),
        };
        for (CborMap unprot : unprots) {
            assertEquals(
                    ErrorCode.COSE_HEADER_DUPLICATE,
                    codeOf(() -> verifier(ED).verify(signRaw(ED, prot, unprot, PAYLOAD))),
                    unprot.toDiagnostic());
        }
    }

    @Test
    void nonCanonicalProtectedHeadersAreInvalid() {
        String kid = "5820" + ED.verificationKey().kid().toHex();
        String[] headers = {
            "a2" + "1801" + "27" + "04" + kid, // key 1 written as 18 01
            "a2" + "01" + "3807" + "04" + kid, // alg -8 written as 38 07
            "a2" + "04" + kid + "01" + "27", // keys out of order
            "a3" + "01" + "27" + "01" + "27" + "04" + kid, // duplicate key
            "bf" + "01" + "27" + "04" + kid + "ff", // indefinite-length map
            "a2" + "01" + "27" + "04" + "5f" + kid + "ff", // indefinite-length kid
            "a2" + "01" + "27" + "04" + kid + "00", // trailing byte
            "a2" + "01" + "27" + "04" + "590020" + ED.verificationKey().kid().toHex(), // long length head
            "a2" + "01" + "27" + "04", // truncated
            "82" + "01" + "27", // an array, not a map
            "27", // an integer
            "a2" + "01" + "d818" + "27" + "04" + kid, // a tag inside
            "a2" + "01" + "27" + "04" + "f93c00", // a float
        };
        for (String hex : headers) {
            byte[] input = signRaw(ED, HEX.parseHex(hex), CborMap.empty(), PAYLOAD, NO_AAD, true);
            MalformedInputException e = assertThrows(
                    MalformedInputException.class, () -> verifier(ED).verify(input), hex);
            assertEquals(ErrorCode.COSE_HEADER_INVALID, e.code(), hex);
        }
    }

    @Test
    void theProtectedHeaderErrorKeepsTheCborCause() {
        String kid = "5820" + ED.verificationKey().kid().toHex();
        byte[] input =
                signRaw(ED, HEX.parseHex("a2" + "1801" + "27" + "04" + kid), CborMap.empty(), PAYLOAD, NO_AAD, true);
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> verifier(ED).verify(input));
        MalformedInputException cause = assertInstanceOf(MalformedInputException.class, e.getCause());
        assertEquals(ErrorCode.CBOR_NON_CANONICAL, cause.code());
    }

    // --- payload ---

    @Test
    void detachedVerifiedAsAttachedIsAPayloadMismatch() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] detached =
                    signRaw(key, Cbor.encode(standardProtected(key).build()), CborMap.empty(), PAYLOAD, NO_AAD, false);
            assertEquals(
                    ErrorCode.COSE_PAYLOAD_MISMATCH, codeOf(() -> verifier(key).verify(detached)));
            assertEquals(
                    Bytes.copyOf(PAYLOAD),
                    verifier(key).verifyDetached(detached, PAYLOAD).payload());
        }
    }

    @Test
    void attachedVerifiedAsDetachedIsAPayloadMismatch() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            assertEquals(
                    ErrorCode.COSE_PAYLOAD_MISMATCH, codeOf(() -> verifier(key).verifyDetached(valid(key), PAYLOAD)));
            assertEquals(
                    ErrorCode.COSE_PAYLOAD_MISMATCH,
                    codeOf(() -> verifier(key).verifyDetached(valid(key), PAYLOAD, NO_AAD)));
        }
    }

    @Test
    void emptyAttachedPayloadIsNotDetached() {
        byte[] input = signRaw(ED, standardProtected(ED).build(), CborMap.empty(), new byte[0]);
        assertEquals(Bytes.empty(), verifier(ED).verify(input).payload());
        assertEquals(ErrorCode.COSE_PAYLOAD_MISMATCH, codeOf(() -> verifier(ED).verifyDetached(input, new byte[0])));
    }

    // --- signature ---

    @Test
    void wrongExternalAadIsABadSignature() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] aad = {9, 8, 7};
            byte[] input =
                    signRaw(key, Cbor.encode(standardProtected(key).build()), CborMap.empty(), PAYLOAD, aad, true);
            verifier(key).verify(input, aad);
            assertEquals(
                    ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> verifier(key).verify(input)));
            assertEquals(
                    ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> verifier(key).verify(input, new byte[] {9, 8})));
            assertEquals(
                    ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> verifier(key).verify(input, new byte[] {9, 8, 7, 0})));
        }
    }

    @Test
    void flippedSignatureBitIsABadSignature() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            byte[] input = valid(key);
            for (int bit : new int[] {0, 7, 255, 256, 511}) {
                byte[] flipped = input.clone();
                int position = input.length - 64 + bit / 8;
                flipped[position] ^= (byte) (1 << (bit % 8));
                VerificationException e = assertThrows(
                        VerificationException.class, () -> verifier(key).verify(flipped));
                assertEquals(ErrorCode.COSE_BAD_SIGNATURE, e.code(), key.type() + " bit " + bit);
            }
        }
    }

    @Test
    void signatureOfTheWrongLengthIsABadSignature() {
        CborBytes prot = protectedBytes(ED);
        byte[] good = signature(valid(ED)).value().toByteArray();
        for (byte[] sig : new byte[][] {new byte[0], Arrays.copyOf(good, 63), Arrays.copyOf(good, 65), new byte[64]}) {
            byte[] input = tagged(prot, CborMap.empty(), CborBytes.of(PAYLOAD), CborBytes.of(sig));
            assertEquals(ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> verifier(ED).verify(input)), sig.length + " bytes");
        }
    }

    @Test
    void aSignatureOverAnotherContextIsABadSignature() {
        // Signature1 is the context for COSE_Sign1; a signature made for "Signature" or a raw payload must fail.
        byte[] prot = Cbor.encode(standardProtected(ED).build());
        byte[][] wrongTbs = {
            Cbor.encode(CborArray.of(
                    CborText.of("Signature"), CborBytes.of(prot), CborBytes.of(NO_AAD), CborBytes.of(PAYLOAD))),
            Cbor.encode(CborArray.of(CborText.of("Signature1"), CborBytes.of(prot), CborBytes.of(PAYLOAD))),
            PAYLOAD,
        };
        for (byte[] tbs : wrongTbs) {
            byte[] input =
                    tagged(CborBytes.of(prot), CborMap.empty(), CborBytes.of(PAYLOAD), CborBytes.of(ED.sign(tbs)));
            assertEquals(ErrorCode.COSE_BAD_SIGNATURE, codeOf(() -> verifier(ED).verify(input)));
        }
    }

    // --- builder ---

    @Test
    void theBuilderRequiresAnAlgorithm() {
        assertThrows(
                IllegalStateException.class,
                () -> CoseVerifier.builder().key(ED.verificationKey()).build());
    }

    @Test
    void theBuilderRequiresAKey() {
        assertThrows(
                IllegalStateException.class,
                () -> CoseVerifier.builder()
                        .allowAlgorithms(CoseAlgorithm.EDDSA)
                        .build());
    }

    @Test
    void theSizeLimitCoversTheWholeMessage() {
        byte[] input = valid(ED);
        CoseVerifier tight = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .limits(CborLimits.DEFAULT.withMaxInputBytes(input.length - 1))
                .build();
        assertEquals(ErrorCode.CBOR_TOO_LARGE, codeOf(() -> tight.verify(input)));
    }

    @Test
    void theSizeLimitApplies() {
        byte[] input = valid(ED);
        CoseVerifier tight = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .limits(CborLimits.DEFAULT.withMaxInputBytes(input.length - 2))
                .build();
        assertEquals(ErrorCode.CBOR_TOO_LARGE, codeOf(() -> tight.verify(input)));
        CoseVerifier exact = CoseVerifier.builder()
                .key(ED.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .limits(CborLimits.DEFAULT.withMaxInputBytes(input.length))
                .build();
        exact.verify(input);
    }
}
