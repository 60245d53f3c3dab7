package dev.cairn.cose;

import static dev.cairn.bytes.ByteGens.bytes;
import static dev.cairn.cose.CoseFixtures.EC;
import static dev.cairn.cose.CoseFixtures.ED;
import static dev.cairn.cose.CoseFixtures.key;
import static dev.cairn.cose.CoseFixtures.toBeSigned;
import static dev.cairn.cose.CoseFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.keys.SigningKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoseRoundTripTest {

    @Test
    void attachedRoundTrip() {
        qt().withExamples(120)
                .forAll(arbitrary().enumValues(CoseAlgorithm.class), bytes(300), bytes(40))
                .checkAssert((alg, payload, aad) -> {
                    SigningKey key = key(alg);
                    CoseSigner signer = CoseSigner.builder(key).build();
                    assertEquals(alg, signer.algorithm());
                    byte[] encoded = signer.sign(payload, aad).encode();
                    VerifiedSign1 verified = verifier(key).verify(encoded, aad);
                    assertEquals(Bytes.copyOf(payload), verified.payload());
                    assertEquals(alg, verified.algorithm());
                    assertEquals(key.verificationKey(), verified.key());
                    assertEquals(
                            Optional.of(Bytes.copyOf(payload)),
                            verified.message().payload());
                    assertEquals(
                            CborInt.of(alg.id()),
                            verified.protectedHeader().get(1).orElseThrow());
                    assertEquals(
                            new CborBytes(key.verificationKey().kid()),
                            verified.protectedHeader().get(4).orElseThrow());
                    assertEquals(CborMap.empty(), verified.unprotectedHeader());
                });
    }

    @Test
    void attachedWithoutAadRoundTrip() {
        for (CoseAlgorithm alg : CoseAlgorithm.values()) {
            byte[] encoded =
                    CoseSigner.builder(key(alg)).build().sign(new byte[] {1, 2}).encode();
            assertEquals(
                    Bytes.fromHex("0102"), verifier(key(alg)).verify(encoded).payload());
            assertEquals(
                    Bytes.fromHex("0102"),
                    verifier(key(alg)).verify(encoded, new byte[0]).payload());
        }
    }

    @Test
    void detachedRoundTrip() {
        qt().withExamples(120)
                .forAll(arbitrary().enumValues(CoseAlgorithm.class), bytes(300), bytes(40))
                .checkAssert((alg, payload, aad) -> {
                    SigningKey key = key(alg);
                    CoseSigner signer = CoseSigner.builder(key).build();
                    CoseSign1 message =
                            aad.length == 0 ? signer.signDetached(payload) : signer.signDetached(payload, aad);
                    assertEquals(Optional.empty(), message.payload());
                    byte[] encoded = message.encode();
                    VerifiedSign1 verified = aad.length == 0
                            ? verifier(key).verifyDetached(encoded, payload)
                            : verifier(key).verifyDetached(encoded, payload, aad);
                    assertEquals(Bytes.copyOf(payload), verified.payload());
                    assertEquals(Optional.empty(), verified.message().payload());
                });
    }

    @Test
    void theSignatureCoversTheSigStructure() {
        // The signer's bytes checked with the raw key over a Sig_structure built independently here.
        qt().withExamples(60)
                .forAll(
                        arbitrary().enumValues(CoseAlgorithm.class),
                        bytes(100),
                        bytes(20),
                        arbitrary().pick(true, false))
                .checkAssert((alg, payload, aad, attached) -> {
                    CoseSigner signer = CoseSigner.builder(key(alg)).build();
                    CoseSign1 message = attached ? signer.sign(payload, aad) : signer.signDetached(payload, aad);
                    byte[] tbs = toBeSigned(message.protectedHeader().toByteArray(), aad, payload);
                    key(alg).verificationKey().verify(tbs, message.signature().toByteArray());
                });
    }

    @Test
    void encodingRoundTripsThroughDecode() {
        qt().withExamples(60)
                .forAll(
                        arbitrary().enumValues(CoseAlgorithm.class),
                        bytes(100),
                        arbitrary().pick(true, false))
                .checkAssert((alg, payload, attached) -> {
                    CoseSigner signer = CoseSigner.builder(key(alg)).build();
                    CoseSign1 message = attached ? signer.sign(payload) : signer.signDetached(payload);
                    byte[] encoded = message.encode();
                    CoseSign1 decoded = CoseSign1.decode(encoded, CborLimits.DEFAULT);
                    assertEquals(message, decoded);
                    assertArrayEquals(encoded, decoded.encode());
                    assertEquals(0xd2, encoded[0] & 0xff, "tag 18 first");
                });
    }

    @Test
    void signingIsDeterministic() {
        qt().withExamples(40)
                .forAll(arbitrary().enumValues(CoseAlgorithm.class), bytes(100), bytes(20))
                .checkAssert((alg, payload, aad) -> {
                    byte[] first = CoseSigner.builder(key(alg))
                            .build()
                            .sign(payload, aad)
                            .encode();
                    byte[] again = CoseSigner.builder(key(alg))
                            .build()
                            .sign(payload.clone(), aad.clone())
                            .encode();
                    assertArrayEquals(first, again);
                    byte[] detached = CoseSigner.builder(key(alg))
                            .build()
                            .signDetached(payload, aad)
                            .encode();
                    assertArrayEquals(
                            detached,
                            CoseSigner.builder(key(alg))
                                    .build()
                                    .signDetached(payload, aad)
                                    .encode());
                });
    }

    @Test
    void theProtectedHeaderIsCanonicalAndHoldsAlgAndKid() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            CoseSign1 message = CoseSigner.builder(key).build().sign(new byte[0]);
            byte[] prot = message.protectedHeader().toByteArray();
            CborMap expected = CborMap.builder()
                    .put(1, CborInt.of(key.type().coseAlg()))
                    .put(4, new CborBytes(key.verificationKey().kid()))
                    .build();
            assertArrayEquals(Cbor.encode(expected), prot);
            assertEquals(expected, Cbor.decode(prot));
        }
    }

    @Test
    void extraHeadersAreSignedAndReported() {
        for (SigningKey key : new SigningKey[] {ED, EC}) {
            CoseSigner signer = CoseSigner.builder(key)
                    .contentType("application/cbor")
                    .protectedParam(-70000, CborText.of("x"))
                    .critical(-70000)
                    .unprotectedParam(33, CborArray.of(CborInt.of(1)))
                    .build();
            byte[] encoded = signer.sign(new byte[] {9}).encode();
            VerifiedSign1 verified = CoseVerifier.builder()
                    .key(key.verificationKey())
                    .allowAlgorithms(CoseAlgorithm.forKeyType(key.type()))
                    .understandCritical(-70000)
                    .build()
                    .verify(encoded);
            assertEquals(
                    CborText.of("application/cbor"),
                    verified.protectedHeader().get(3).orElseThrow());
            assertEquals(
                    CborText.of("x"), verified.protectedHeader().get(-70000).orElseThrow());
            assertEquals(
                    CborArray.of(CborInt.of(-70000)),
                    verified.protectedHeader().get(2).orElseThrow());
            assertEquals(
                    CborArray.of(CborInt.of(1)),
                    verified.unprotectedHeader().get(33).orElseThrow());
        }
    }

    @Test
    void signerRejectsReservedAndRepeatedLabels() {
        for (long reserved : new long[] {1, 2, 4}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> CoseSigner.builder(ED).protectedParam(reserved, CborInt.of(0)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> CoseSigner.builder(ED).unprotectedParam(reserved, CborInt.of(0)));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> CoseSigner.builder(ED).protectedParam(5, CborInt.of(0)).unprotectedParam(5, CborInt.of(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> CoseSigner.builder(ED).unprotectedParam(5, CborInt.of(0)).critical(5));
        assertThrows(
                IllegalArgumentException.class, () -> CoseSigner.builder(ED).critical(99));
        assertThrows(NullPointerException.class, () -> CoseSigner.builder(null));
    }

    @Test
    void signerCopiesPayloadAndAad() {
        byte[] payload = {1, 2, 3};
        byte[] aad = {4};
        CoseSign1 message = CoseSigner.builder(ED).build().sign(payload, aad);
        payload[0] = 9;
        aad[0] = 9;
        assertEquals(
                Bytes.fromHex("010203"),
                verifier(ED).verify(message.encode(), new byte[] {4}).payload());
    }

    @Test
    void onlyTheVerifierCanMakeAVerifiedSign1() {
        assertEquals(0, VerifiedSign1.class.getConstructors().length, "no public constructor");
        assertEquals(0, CoseVerifier.class.getConstructors().length);
    }

    @Test
    void algorithmsMapToKeyTypes() {
        assertEquals(-8, CoseAlgorithm.EDDSA.id());
        assertEquals(-7, CoseAlgorithm.ES256.id());
        assertEquals(Optional.of(CoseAlgorithm.EDDSA), CoseAlgorithm.fromId(-8));
        assertEquals(Optional.of(CoseAlgorithm.ES256), CoseAlgorithm.fromId(-7));
        for (long other : new long[] {0, -35, -36, -257, 1, Long.MIN_VALUE}) {
            assertEquals(Optional.empty(), CoseAlgorithm.fromId(other));
        }
        for (CoseAlgorithm alg : CoseAlgorithm.values()) {
            assertSame(alg, CoseAlgorithm.forKeyType(alg.keyType()));
            assertEquals(alg.keyType().coseAlg(), alg.id());
        }
        assertNotEquals(CoseAlgorithm.EDDSA.keyType(), CoseAlgorithm.ES256.keyType());
        assertTrue(List.of(CoseAlgorithm.values()).size() == 2);
    }
}
