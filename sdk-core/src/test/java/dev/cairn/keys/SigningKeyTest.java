package dev.cairn.keys;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Order of the P-256 base point (SEC 2 secp256r1, n). */
    static final BigInteger P256_N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private static final Map<KeyType, SigningKey> KEYS = new EnumMap<>(KeyType.class);
    private static final Map<KeyType, SigningKey> OTHER_KEYS = new EnumMap<>(KeyType.class);

    static {
        for (KeyType type : KeyType.values()) {
            KEYS.put(type, SigningKey.generate(type, RANDOM));
            OTHER_KEYS.put(type, SigningKey.generate(type, RANDOM));
        }
    }

    private static ErrorCode codeOf(Runnable action) {
        return assertThrows(CairnException.class, action::run).code();
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    @Test
    void signVerifyRoundTrip() {
        qt().withExamples(150)
                .forAll(arbitrary().enumValues(KeyType.class), bytes(200))
                .checkAssert((type, message) -> {
                    SigningKey key = KEYS.get(type);
                    byte[] signature = key.sign(message);
                    assertEquals(type.signatureLength(), signature.length);
                    key.verificationKey().verify(message, signature);
                });
    }

    @Test
    void signaturesDoNotVerifyForAnotherMessageOrKey() {
        qt().withExamples(100)
                .forAll(
                        arbitrary().enumValues(KeyType.class),
                        bytes(100),
                        integers().between(0, 800))
                .checkAssert((type, a, bit) -> {
                    // b differs from a in one bit, or by one appended byte when a is too short.
                    byte[] b = bit < 8 * a.length ? a.clone() : Arrays.copyOf(a, a.length + 1);
                    if (bit < 8 * a.length) {
                        b[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    byte[] signature = KEYS.get(type).sign(a);
                    assertEquals(
                            ErrorCode.SIGNATURE_INVALID,
                            codeOf(() -> KEYS.get(type).verificationKey().verify(b, signature)));
                    assertEquals(
                            ErrorCode.SIGNATURE_INVALID,
                            codeOf(() -> OTHER_KEYS.get(type).verificationKey().verify(a, signature)));
                });
    }

    @Test
    void signaturesAreDeterministic() {
        qt().withExamples(50)
                .forAll(arbitrary().enumValues(KeyType.class), bytes(100))
                .checkAssert((type, message) -> {
                    SigningKey key = KEYS.get(type);
                    assertArrayEquals(key.sign(message), key.sign(message.clone()));
                });
    }

    @Test
    void p256SignaturesAre64BytesWithScalarsInRange() {
        SigningKey key = KEYS.get(KeyType.P256);
        qt().withExamples(100).forAll(bytes(64)).checkAssert(message -> {
            byte[] signature = key.sign(message);
            assertEquals(64, signature.length);
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            assertTrue(r.signum() > 0 && r.compareTo(P256_N) < 0, "r in [1, n-1]");
            assertTrue(s.signum() > 0 && s.compareTo(P256_N) < 0, "s in [1, n-1]");
        });
    }

    @Test
    void p256ScalarsWithLeadingZeroBytesAreEncodedAtFullWidth() {
        // About one signature in 256 has r (or s) below 2^248; find one of each and check they verify.
        SigningKey key = KEYS.get(KeyType.P256);
        boolean shortR = false;
        boolean shortS = false;
        for (int i = 0; i < 20_000 && !(shortR && shortS); i++) {
            byte[] message = BigInteger.valueOf(i).toByteArray();
            byte[] signature = key.sign(message);
            if ((signature[0] == 0 && !shortR) || (signature[32] == 0 && !shortS)) {
                shortR |= signature[0] == 0;
                shortS |= signature[32] == 0;
                assertEquals(64, signature.length);
                key.verificationKey().verify(message, signature);
            }
        }
        assertTrue(shortR && shortS, "found signatures with a short r and a short s");
    }

    @Test
    void restoredKeyIsTheSameKey() {
        for (KeyType type : KeyType.values()) {
            SigningKey key = KEYS.get(type);
            byte[] secret = key.privateKeyBytes(ACCESS);
            assertEquals(type.coordinateLength(), secret.length);
            SigningKey restored = SigningKey.fromPrivateKeyBytes(type, secret, ACCESS);
            assertEquals(type, restored.type());
            assertEquals(key.verificationKey(), restored.verificationKey());
            assertEquals(key.verificationKey().kid(), restored.verificationKey().kid());
            byte[] message = {1, 2, 3};
            assertArrayEquals(key.sign(message), restored.sign(message));
            assertArrayEquals(secret, restored.privateKeyBytes(ACCESS));
        }
    }

    @Test
    void generatedKeysDiffer() {
        for (KeyType type : KeyType.values()) {
            assertNotEquals(
                    KEYS.get(type).verificationKey(), OTHER_KEYS.get(type).verificationKey());
            assertEquals(type, KEYS.get(type).type());
            assertEquals(type, KEYS.get(type).verificationKey().type());
        }
    }

    @Test
    void privateBytesAreCopiedInAndOut() {
        for (KeyType type : KeyType.values()) {
            byte[] secret = KEYS.get(type).privateKeyBytes(ACCESS);
            SigningKey key = SigningKey.fromPrivateKeyBytes(type, secret, ACCESS);
            VerificationKey publicKey = key.verificationKey();
            byte[] before = key.sign(new byte[] {7});
            Arrays.fill(secret, (byte) 1);
            byte[] out = key.privateKeyBytes(ACCESS);
            Arrays.fill(out, (byte) 2);
            assertArrayEquals(before, key.sign(new byte[] {7}));
            assertEquals(publicKey, key.verificationKey());
            assertArrayEquals(KEYS.get(type).privateKeyBytes(ACCESS), key.privateKeyBytes(ACCESS));
        }
    }

    @Test
    void wrongPrivateKeyLengthsAreInvalid() {
        for (KeyType type : KeyType.values()) {
            for (int length : new int[] {0, 1, 31, 33, 64}) {
                assertEquals(
                        ErrorCode.KEY_INVALID,
                        codeOf(() -> SigningKey.fromPrivateKeyBytes(type, new byte[length], ACCESS)),
                        type + " length " + length);
            }
        }
    }

    @Test
    void p256ScalarsOutsideOneToNMinusOneAreInvalid() {
        BigInteger[] bad = {
            BigInteger.ZERO,
            P256_N,
            P256_N.add(BigInteger.ONE),
            BigInteger.TWO.pow(256).subtract(BigInteger.ONE)
        };
        for (BigInteger d : bad) {
            assertEquals(
                    ErrorCode.KEY_INVALID,
                    codeOf(() -> SigningKey.fromPrivateKeyBytes(KeyType.P256, fixed32(d), ACCESS)),
                    d.toString(16));
        }
        for (BigInteger d : new BigInteger[] {BigInteger.ONE, P256_N.subtract(BigInteger.ONE)}) {
            SigningKey key = SigningKey.fromPrivateKeyBytes(KeyType.P256, fixed32(d), ACCESS);
            key.verificationKey().verify(new byte[] {1}, key.sign(new byte[] {1}));
        }
    }

    @Test
    void p256ScalarOneHasTheBasePointAsPublicKey() {
        SigningKey key = SigningKey.fromPrivateKeyBytes(KeyType.P256, fixed32(BigInteger.ONE), ACCESS);
        assertEquals(
                "04"
                        + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
                        + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
                key.verificationKey().encoded().toHex());
    }

    @Test
    void everyEd25519SeedIsAValidKey() {
        for (byte fill : new byte[] {0, (byte) 0xff}) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, fill);
            SigningKey key = SigningKey.fromPrivateKeyBytes(KeyType.ED25519, seed, ACCESS);
            key.verificationKey().verify(new byte[0], key.sign(new byte[0]));
        }
    }

    @Test
    void toStringHasNoPrivateBytes() {
        for (KeyType type : KeyType.values()) {
            for (SigningKey key : new SigningKey[] {KEYS.get(type), OTHER_KEYS.get(type)}) {
                byte[] secret = key.privateKeyBytes(ACCESS);
                String rendered = key.toString();
                String lower = rendered.toLowerCase(java.util.Locale.ROOT);
                assertFalse(lower.contains(HexFormat.of().formatHex(secret)), rendered);
                assertFalse(lower.contains(HexFormat.of().formatHex(secret, 0, 8)), rendered);
                assertFalse(rendered.contains(
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
                assertFalse(
                        rendered.contains(Base64.getEncoder().withoutPadding().encodeToString(secret)));
                assertFalse(rendered.contains(new BigInteger(1, secret).toString()), rendered);
            }
        }
    }

    @Test
    void signingKeyHasIdentityEquality() throws NoSuchMethodException {
        assertEquals(
                Object.class, SigningKey.class.getMethod("equals", Object.class).getDeclaringClass());
        assertEquals(Object.class, SigningKey.class.getMethod("hashCode").getDeclaringClass());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> SigningKey.generate(KeyType.ED25519, null));
        assertThrows(
                NullPointerException.class, () -> SigningKey.fromPrivateKeyBytes(KeyType.ED25519, new byte[32], null));
    }

    @Test
    void keyTypeConstants() {
        assertEquals(1, KeyType.ED25519.coseKty());
        assertEquals(6, KeyType.ED25519.coseCrv());
        assertEquals(-8, KeyType.ED25519.coseAlg());
        assertEquals(2, KeyType.P256.coseKty());
        assertEquals(1, KeyType.P256.coseCrv());
        assertEquals(-7, KeyType.P256.coseAlg());
        for (KeyType type : KeyType.values()) {
            assertEquals(32, type.coordinateLength());
            assertEquals(64, type.signatureLength());
        }
    }
}
