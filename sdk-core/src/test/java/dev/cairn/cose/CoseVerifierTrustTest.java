package dev.cairn.cose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CoseVerifierTrustTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PAYLOAD = "statement".getBytes(StandardCharsets.UTF_8);

    private final SigningKey ed = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final SigningKey p256 = SigningKey.generate(KeyType.P256, RANDOM);
    private final SigningKey stranger = SigningKey.generate(KeyType.ED25519, RANDOM);

    private CoseVerifier.Builder trusting(SigningKey... keys) {
        KeySet set = KeySet.of(
                java.util.Arrays.stream(keys).map(SigningKey::verificationKey).toList());
        return CoseVerifier.builder().trustedKeys(set).allowAlgorithms(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256);
    }

    @Test
    void theKidChoosesAmongTrustedKeys() {
        CoseVerifier verifier = trusting(ed, p256).build();
        byte[] byEd = CoseSigner.builder(ed).build().sign(PAYLOAD).encode();
        byte[] byP256 = CoseSigner.builder(p256).build().sign(PAYLOAD).encode();
        assertEquals(ed.verificationKey(), verifier.verify(byEd).key());
        assertEquals(p256.verificationKey(), verifier.verify(byP256).key());
    }

    @Test
    void aKeyOutsideTheSetIsUntrusted() {
        byte[] message = CoseSigner.builder(stranger).build().sign(PAYLOAD).encode();
        CairnException e = assertThrows(
                CairnException.class, () -> trusting(ed, p256).build().verify(message));
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, e.code());
    }

    @Test
    void contentTypeIsCheckedWhenExpected() {
        byte[] typed = CoseSigner.builder(ed)
                .contentType("application/a")
                .build()
                .sign(PAYLOAD)
                .encode();
        byte[] untyped = CoseSigner.builder(ed).build().sign(PAYLOAD).encode();
        assertEquals(
                PAYLOAD.length,
                trusting(ed)
                        .expectContentType("application/a")
                        .build()
                        .verify(typed)
                        .payload()
                        .length());
        CoseVerifier wantsB = trusting(ed).expectContentType("application/b").build();
        assertEquals(
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                assertThrows(CairnException.class, () -> wantsB.verify(typed)).code());
        assertEquals(
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                assertThrows(CairnException.class, () -> wantsB.verify(untyped)).code());
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        assertThrows(
                IllegalStateException.class,
                () -> CoseVerifier.builder()
                        .key(ed.verificationKey())
                        .trustedKeys(KeySet.of(ed.verificationKey()))
                        .allowAlgorithms(CoseAlgorithm.EDDSA)
                        .build());
    }
}
