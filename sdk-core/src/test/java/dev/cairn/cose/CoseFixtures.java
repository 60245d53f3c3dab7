package dev.cairn.cose;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborTag;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.function.Executable;

/** Keys and hand-built COSE_Sign1 messages for the cose tests; nothing here uses CoseSigner. */
final class CoseFixtures {
    static final SecureRandom RANDOM = new SecureRandom();
    static final SigningKey ED = SigningKey.generate(KeyType.ED25519, RANDOM);
    static final SigningKey EC = SigningKey.generate(KeyType.P256, RANDOM);
    static final SigningKey ED_OTHER = SigningKey.generate(KeyType.ED25519, RANDOM);
    static final SigningKey EC_OTHER = SigningKey.generate(KeyType.P256, RANDOM);

    private CoseFixtures() {}

    static SigningKey key(CoseAlgorithm alg) {
        return alg == CoseAlgorithm.EDDSA ? ED : EC;
    }

    /** A verifier for the key with both algorithms allowed and every check on. */
    static CoseVerifier verifier(SigningKey key) {
        return CoseVerifier.builder()
                .key(key.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256)
                .build();
    }

    static ErrorCode codeOf(Executable action) {
        return assertThrows(CairnException.class, action).code();
    }

    /** RFC 9052 section 4.4, written out: ["Signature1", protected, external_aad, payload]. */
    static byte[] toBeSigned(byte[] protectedHeader, byte[] externalAad, byte[] payload) {
        return Cbor.encode(CborArray.of(
                CborText.of("Signature1"),
                CborBytes.of(protectedHeader),
                CborBytes.of(externalAad),
                CborBytes.of(payload)));
    }

    /** The protected header Cairn's signer writes: {1: alg, 4: kid}, canonical. */
    static CborMap.Builder standardProtected(SigningKey key) {
        return CborMap.builder()
                .put(1, CborInt.of(key.type().coseAlg()))
                .put(4, new CborBytes(key.verificationKey().kid()));
    }

    /** Encodes 18([protected, unprotected, payload, signature]) from arbitrary items. */
    static byte[] tagged(CborValue prot, CborValue unprot, CborValue payload, CborValue signature) {
        return Cbor.encode(new CborTag(18, CborArray.of(prot, unprot, payload, signature)));
    }

    /**
     * Signs exactly the given protected header bytes (valid or not) and wraps them in a tagged message, so
     * that only the check under test can reject it.
     */
    static byte[] signRaw(
            SigningKey key, byte[] protectedHeader, CborMap unprot, byte[] payload, byte[] aad, boolean attached) {
        byte[] signature = key.sign(toBeSigned(protectedHeader, aad, payload));
        return tagged(
                CborBytes.of(protectedHeader),
                unprot,
                attached ? CborBytes.of(payload) : CborNull.NULL,
                CborBytes.of(signature));
    }

    static byte[] signRaw(SigningKey key, CborMap prot, CborMap unprot, byte[] payload) {
        return signRaw(key, Cbor.encode(prot), unprot, payload, new byte[0], true);
    }

    static Bytes bytes(byte[] data) {
        return Bytes.copyOf(data);
    }
}
