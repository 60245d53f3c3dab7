package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static dev.cairn.trust.revocation.RevocationFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevocationHeadTest {
    private static final List<RevocationEntry> CHAIN = RevocationFixtures.entries(5, 11);
    private static final ChainPosition POSITION = ChainPosition.GENESIS.extend(CHAIN);
    private static final RevocationHead HEAD = RevocationHead.of(TD, 7, POSITION, T0, T0.plus(Duration.ofHours(1)));

    private final RevocationFixtures.Issuer issuer = new RevocationFixtures.Issuer(KeyType.ED25519);

    private RevocationHeadVerifier verifier(KeySet keys, Instant now) {
        return RevocationHeadVerifier.builder()
                .trustedKeys(keys)
                .expectTrustDomain(TD)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private static CairnException failure(Runnable action) {
        return assertThrows(CairnException.class, action::run);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aSignedHeadVerifiesWithTheCaKey(KeyType type) {
        RevocationFixtures.Issuer ca = new RevocationFixtures.Issuer(type);
        byte[] signed = ca.signer.sign(HEAD);
        VerifiedRevocationHead verified = verifier(ca.keys(), T0).verify(signed);
        assertEquals(HEAD, verified.head());
        assertEquals(ca.key.verificationKey(), verified.signer());
        assertArrayEquals(signed, verified.encoded().toByteArray());
        assertEquals(POSITION, verified.head().position());
        assertTrue(verified.toString().contains(ca.key.verificationKey().kid().toHex()));
    }

    @Test
    void theSpecExampleHeadEncodesAsDocumented() {
        Digest value = Digest.fromHex("bb057f516681ada6ce514abe09f66b67bb020a07984fd570a75162ceeb273b1d");
        Instant issuedAt = T0.plusSeconds(2);
        RevocationHead example = new RevocationHead(TD, 1, 2, value, issuedAt, issuedAt.plus(Duration.ofHours(1)));
        assertEquals(
                "a6016c64656d6f2e6578616d706c6502010302045820bb057f516681ada6ce514abe09f66b67bb020a07984fd570a75162ceeb273b1d"
                        + "051b000001a20d6d61d0061b000001a20da45050",
                Bytes.copyOf(example.encode()).toHex());
        assertEquals(example, RevocationHead.decode(example.encode()));
    }

    @Test
    void theHeadPayloadRoundTripsAndIsStrict() {
        assertEquals(HEAD, RevocationHead.decode(HEAD.encode()));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(CborArray.of()));
        assertEquals(
                ErrorCode.CBOR_UNKNOWN_FIELD,
                malformed(without(6).put(7, CborInt.of(1)).build()));
        for (long key = 1; key <= 6; key++) {
            assertEquals(ErrorCode.CBOR_MISSING_FIELD, malformed(without(key).build()), "field " + key);
        }
        assertEquals(ErrorCode.CBOR_WRONG_TYPE, malformed(with(1, CborInt.of(1))));
        assertEquals(ErrorCode.CBOR_WRONG_TYPE, malformed(with(4, CborText.of("x"))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(1, CborText.of("Not A Domain"))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(2, CborInt.of(-1))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(3, CborInt.of(-1))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(4, CborBytes.of(new byte[31]))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(3, CborInt.of(0))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(5, CborInt.of(-5))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, malformed(with(6, CborInt.of(T0.toEpochMilli()))));
        byte[] big = Cbor.encode(with(1, CborText.of("a".repeat(RevocationHead.MAX_ENCODED_BYTES))));
        assertEquals(
                ErrorCode.CBOR_TOO_LARGE,
                assertThrows(MalformedInputException.class, () -> RevocationHead.decode(big))
                        .code());
        RevocationHead empty = RevocationHead.of(TD, 0, ChainPosition.GENESIS, T0, T0.plusMillis(1));
        assertEquals(empty, RevocationHead.decode(empty.encode()));
    }

    @Test
    void theRecordRefusesOutOfRangeComponents() {
        Digest value = POSITION.value();
        Instant next = T0.plusSeconds(60);
        assertThrows(IllegalArgumentException.class, () -> new RevocationHead(TD, -1, 5, value, T0, next));
        assertThrows(IllegalArgumentException.class, () -> new RevocationHead(TD, 1, -1, value, T0, next));
        assertThrows(IllegalArgumentException.class, () -> new RevocationHead(TD, 1, 0, value, T0, next));
        assertThrows(IllegalArgumentException.class, () -> new RevocationHead(TD, 1, 5, value, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new RevocationHead(TD, 1, 5, value, T0.plusNanos(1), next));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RevocationHead(TD, 1, 5, value, Instant.EPOCH.minusMillis(1), next));
    }

    @Test
    void aHeadFromAnotherSignerIsUntrusted() {
        byte[] signed = new RevocationFixtures.Issuer(KeyType.ED25519).signer.sign(HEAD);
        assertEquals(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                failure(() -> verifier(issuer.keys(), T0).verify(signed)).code());
    }

    @Test
    void aHeadForAnotherTrustDomainIsUntrusted() {
        RevocationHead foreign =
                RevocationHead.of(new TrustDomain("other.example"), 7, POSITION, T0, T0.plusSeconds(60));
        VerificationException e = assertThrows(
                VerificationException.class, () -> verifier(issuer.keys(), T0).verify(issuer.signer.sign(foreign)));
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, e.code());
        assertTrue(e.details().get("found").contains("other.example"));
    }

    @Test
    void anotherContentTypeIsRefused() {
        byte[] asCheckpoint = CoseSigner.builder(issuer.key)
                .contentType(Checkpoint.CONTENT_TYPE)
                .build()
                .sign(HEAD.encode())
                .encode();
        assertEquals(
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                failure(() -> verifier(issuer.keys(), T0).verify(asCheckpoint)).code());
    }

    @Test
    void aSignedPayloadThatIsNoHeadIsMalformed() {
        CoseSigner signer = CoseSigner.builder(issuer.key)
                .contentType(RevocationHead.CONTENT_TYPE)
                .build();
        byte[] notMap = signer.sign(Cbor.encode(CborInt.of(3))).encode();
        assertEquals(
                ErrorCode.REVOCATION_MALFORMED,
                failure(() -> verifier(issuer.keys(), T0).verify(notMap)).code());
        byte[] garbage = signer.sign(new byte[] {(byte) 0xff}).encode();
        assertTrue(failure(() -> verifier(issuer.keys(), T0).verify(garbage))
                .code()
                .name()
                .startsWith("CBOR_"));
    }

    @Test
    void aTamperedSignatureOrDisallowedAlgorithmIsRefused() {
        byte[] signed = issuer.signer.sign(HEAD);
        byte[] tampered = signed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                failure(() -> verifier(issuer.keys(), T0).verify(tampered)).code());
        RevocationHeadVerifier p256Only = RevocationHeadVerifier.builder()
                .trustedKeys(issuer.keys())
                .expectTrustDomain(TD)
                .allowAlgorithms(CoseAlgorithm.ES256)
                .clock(Clock.fixed(T0, ZoneOffset.UTC))
                .build();
        assertEquals(
                ErrorCode.COSE_ALG_NOT_ALLOWED,
                failure(() -> p256Only.verify(signed)).code());
        assertEquals(
                ErrorCode.COSE_STRUCTURE,
                failure(() -> verifier(issuer.keys(), T0).verify(HEAD.encode())).code());
    }

    @Test
    void aHeadIssuedBeyondTheSkewIsRefused() {
        byte[] signed = issuer.signer.sign(HEAD);
        Instant earliest = T0.minus(RevocationHeadVerifier.DEFAULT_MAX_CLOCK_SKEW);
        assertEquals(HEAD, verifier(issuer.keys(), earliest).verify(signed).head());
        VerificationException e = assertThrows(
                VerificationException.class,
                () -> verifier(issuer.keys(), earliest.minusMillis(1)).verify(signed));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, e.code());
        assertTrue(e.details().containsKey("expected") && e.details().containsKey("found"));
        RevocationHeadVerifier strict = RevocationHeadVerifier.builder()
                .trustedKeys(issuer.keys())
                .expectTrustDomain(TD)
                .clock(Clock.fixed(T0.minusMillis(1), ZoneOffset.UTC))
                .maxClockSkew(Duration.ZERO)
                .build();
        assertEquals(
                ErrorCode.REVOCATION_HEAD_STALE,
                failure(() -> strict.verify(signed)).code());
        assertThrows(
                IllegalArgumentException.class,
                () -> RevocationHeadVerifier.builder().maxClockSkew(Duration.ofSeconds(-1)));
        assertThrows(
                NullPointerException.class,
                () -> RevocationHeadVerifier.builder()
                        .trustedKeys(issuer.keys())
                        .build());
    }

    /** Any bytes as a head payload: a head or a typed malformed-input error. */
    @Test
    void arbitraryPayloadBytesGiveAHeadOrATypedError() {
        byte[] valid = HEAD.encode();
        qt().withExamples(3000)
                .forAll(
                        RevocationFixtures.bytes(90),
                        integers().between(0, 10_000),
                        integers().between(0, 255))
                .checkAssert((input, position, value) -> {
                    RevocationEntryTest.decodeOrTypedError(() -> RevocationHead.decode(input));
                    byte[] mutated = valid.clone();
                    mutated[position % mutated.length] = (byte) (int) value;
                    RevocationEntryTest.decodeOrTypedError(() -> RevocationHead.decode(mutated));
                });
    }

    /** Any bytes as a signed head: a verified head or a coded Cairn error, nothing else. */
    @Test
    void arbitrarySignedBytesGiveAVerifiedHeadOrACodedError() {
        byte[] valid = issuer.signer.sign(HEAD);
        RevocationHeadVerifier verifier = verifier(issuer.keys(), T0);
        qt().withExamples(3000)
                .forAll(
                        RevocationFixtures.bytes(120),
                        integers().between(0, 10_000),
                        integers().between(0, 255))
                .checkAssert((input, position, value) -> {
                    signedOrCodedError(verifier, input);
                    byte[] mutated = valid.clone();
                    mutated[position % mutated.length] = (byte) (int) value;
                    signedOrCodedError(verifier, mutated);
                });
    }

    private static void signedOrCodedError(RevocationHeadVerifier verifier, byte[] input) {
        try {
            verifier.verify(input);
        } catch (MalformedInputException e) {
            String code = e.code().name();
            assertTrue(
                    code.startsWith("CBOR_") || code.startsWith("COSE_") || code.equals("REVOCATION_MALFORMED"), code);
        } catch (VerificationException e) {
            String code = e.code().name();
            assertTrue(
                    code.startsWith("COSE_")
                            || code.equals("SIGNATURE_KEY_UNTRUSTED")
                            || code.equals("REVOCATION_HEAD_STALE"),
                    code);
        }
    }

    private static ErrorCode malformed(CborValue value) {
        return assertThrows(MalformedInputException.class, () -> RevocationHead.decode(Cbor.encode(value)))
                .code();
    }

    private static CborMap.Builder without(long key) {
        CborMap.Builder builder = CborMap.builder();
        for (CborMap.Entry e : HEAD.toCbor().entries()) {
            if (((CborInt) e.key()).value() != key) {
                builder.put(e.key(), e.value());
            }
        }
        return builder;
    }

    private static CborMap with(long key, CborValue value) {
        return without(key).put(key, value).build();
    }
}
