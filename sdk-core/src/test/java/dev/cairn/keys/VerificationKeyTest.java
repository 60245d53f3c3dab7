package dev.cairn.keys;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class VerificationKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    // Edwards25519 (RFC 8032 section 5.1): p = 2^255 - 19, d = -121665/121666.
    private static final BigInteger ED_P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger ED_D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(ED_P))
            .mod(ED_P);
    // P-256 (SEC 2 secp256r1): y^2 = x^3 - 3x + b over p.
    private static final BigInteger P256_P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final String P256_G = "04"
            + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
            + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

    private static ErrorCode codeOf(Executable action) {
        return assertThrows(CairnException.class, action).code();
    }

    private static byte[] littleEndian32(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] bigEndian32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] point(BigInteger x, BigInteger y) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(bigEndian32(x), 0, out, 1, 32);
        System.arraycopy(bigEndian32(y), 0, out, 33, 32);
        return out;
    }

    /** Literal RFC 8032 section 5.1.3 decoding: the affine point, or null if the bytes encode none. */
    private static BigInteger[] edDecode(byte[] encoded) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = encoded[31 - i];
        }
        boolean sign = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        if (y.compareTo(ED_P) >= 0) {
            return null;
        }
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(ED_P);
        BigInteger v = ED_D.multiply(y).multiply(y).add(BigInteger.ONE).mod(ED_P);
        BigInteger x2 = u.multiply(v.modInverse(ED_P)).mod(ED_P);
        if (x2.signum() == 0) {
            return sign ? null : new BigInteger[] {BigInteger.ZERO, y};
        }
        BigInteger x = x2.modPow(ED_P.add(BigInteger.valueOf(3)).shiftRight(3), ED_P);
        if (!x.multiply(x).mod(ED_P).equals(x2)) {
            x = x.multiply(BigInteger.TWO.modPow(ED_P.subtract(BigInteger.ONE).shiftRight(2), ED_P))
                    .mod(ED_P);
        }
        if (!x.multiply(x).mod(ED_P).equals(x2)) {
            return null;
        }
        if (x.testBit(0) != sign) {
            x = ED_P.subtract(x);
        }
        return new BigInteger[] {x, y};
    }

    /** Affine twisted Edwards addition, a = -1 (RFC 8032 section 5.1.4, without projective tricks). */
    private static BigInteger[] edAdd(BigInteger[] a, BigInteger[] b) {
        BigInteger t =
                ED_D.multiply(a[0]).multiply(b[0]).multiply(a[1]).multiply(b[1]).mod(ED_P);
        BigInteger x = a[0].multiply(b[1])
                .add(a[1].multiply(b[0]))
                .multiply(BigInteger.ONE.add(t).modInverse(ED_P))
                .mod(ED_P);
        BigInteger y = a[1].multiply(b[1])
                .add(a[0].multiply(b[0]))
                .multiply(BigInteger.ONE.subtract(t).mod(ED_P).modInverse(ED_P))
                .mod(ED_P);
        return new BigInteger[] {x, y};
    }

    private static boolean edHasSmallOrder(BigInteger[] point) {
        BigInteger[] q = point;
        for (int i = 0; i < 3; i++) {
            q = edAdd(q, q);
        }
        return q[0].signum() == 0 && q[1].equals(BigInteger.ONE);
    }

    @Test
    void ed25519WrongLengthsAreInvalid() {
        for (int length : new int[] {0, 1, 31, 33, 64}) {
            assertEquals(
                    ErrorCode.KEY_INVALID,
                    codeOf(() -> VerificationKey.fromEncoded(KeyType.ED25519, new byte[length])),
                    "length " + length);
        }
    }

    @Test
    void ed25519BytesThatEncodeNoPointAreInvalid() {
        List<Executable> checks = new ArrayList<>();
        for (int y = 2; y < 40; y++) {
            byte[] encoded = littleEndian32(BigInteger.valueOf(y));
            if (edDecode(encoded) == null) {
                checks.add(() -> assertEquals(
                        ErrorCode.KEY_INVALID,
                        codeOf(() -> VerificationKey.fromEncoded(KeyType.ED25519, encoded)),
                        HEX.formatHex(encoded)));
            }
        }
        assertTrue(checks.size() > 5, "the reference found non-points");
        assertAll(checks);
    }

    @Test
    void ed25519SmallOrderPointsAreInvalid() {
        // The eight points of order dividing 8; each is checked to be one by the reference arithmetic.
        String[] smallOrder = {
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        };
        assertAll(Stream.of(smallOrder).map(hex -> (Executable) () -> {
            byte[] encoded = HEX.parseHex(hex);
            BigInteger[] decoded = edDecode(encoded);
            assertNotNull(decoded, hex);
            assertTrue(edHasSmallOrder(decoded), hex + " has small order");
            assertEquals(
                    ErrorCode.KEY_INVALID, codeOf(() -> VerificationKey.fromEncoded(KeyType.ED25519, encoded)), hex);
        }));
    }

    @Test
    void ed25519NonCanonicalEncodingsAreInvalid() {
        // y + p for y < 19 still fits in 255 bits: a second encoding of the point with coordinate y.
        List<Executable> checks = new ArrayList<>();
        for (int y = 0; y < 19; y++) {
            byte[] canonical = littleEndian32(BigInteger.valueOf(y));
            byte[] nonCanonical = littleEndian32(ED_P.add(BigInteger.valueOf(y)));
            assertNull(edDecode(nonCanonical));
            checks.add(() -> assertEquals(
                    ErrorCode.KEY_INVALID,
                    codeOf(() -> VerificationKey.fromEncoded(KeyType.ED25519, nonCanonical)),
                    "y = p + " + HEX.formatHex(canonical)));
        }
        assertAll(checks);
    }

    @Test
    void p256PointsOffTheCurveAreInvalid() {
        byte[] g = HEX.parseHex(P256_G);
        List<byte[]> bad = new ArrayList<>();
        byte[] gPlusOne = g.clone();
        gPlusOne[64] ^= 1;
        bad.add(gPlusOne);
        bad.add(point(BigInteger.ZERO, BigInteger.ZERO));
        bad.add(point(BigInteger.ONE, BigInteger.ONE));
        byte[] allOnes = new byte[65];
        Arrays.fill(allOnes, (byte) 0xff);
        allOnes[0] = 0x04;
        bad.add(allOnes);
        assertAll(bad.stream().map(encoded -> (Executable) () -> assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, encoded)),
                HEX.formatHex(encoded))));
    }

    @Test
    void p256RandomCoordinatesAreAlmostNeverOnTheCurve() {
        qt().withExamples(200).forAll(bytes(64, 64)).checkAssert(xy -> {
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, 32));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, 32, 64));
            boolean onCurve = x.compareTo(P256_P) < 0
                    && y.compareTo(P256_P) < 0
                    && y.multiply(y)
                            .mod(P256_P)
                            .equals(x.pow(3)
                                    .subtract(x.multiply(BigInteger.valueOf(3)))
                                    .add(P256_B)
                                    .mod(P256_P));
            byte[] encoded = point(x, y);
            if (onCurve) {
                VerificationKey.fromEncoded(KeyType.P256, encoded);
            } else {
                assertEquals(ErrorCode.KEY_INVALID, codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, encoded)));
            }
        });
    }

    @Test
    void p256OtherEncodingsAreInvalid() {
        byte[] g = HEX.parseHex(P256_G);
        byte[] x = Arrays.copyOfRange(g, 1, 33);
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[] {0x00}); // the point at infinity (SEC 1 2.3.3)
        bad.add(new byte[65]); // infinity-like: prefix 00, zero coordinates
        for (int prefix : new int[] {0x02, 0x03}) { // compressed
            byte[] compressed = new byte[33];
            compressed[0] = (byte) prefix;
            System.arraycopy(x, 0, compressed, 1, 32);
            bad.add(compressed);
        }
        for (int prefix : new int[] {0x06, 0x07, 0x05, 0x00}) { // hybrid and unknown prefixes
            byte[] other = g.clone();
            other[0] = (byte) prefix;
            bad.add(other);
        }
        bad.add(Arrays.copyOf(g, 64));
        bad.add(Arrays.copyOf(g, 66));
        bad.add(Arrays.copyOfRange(g, 1, 65)); // raw x || y without the prefix
        bad.add(new byte[0]);
        assertAll(bad.stream().map(encoded -> (Executable) () -> assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, encoded)),
                HEX.formatHex(encoded))));
    }

    @Test
    void p256CoordinatesAtOrAboveTheFieldPrimeAreInvalid() {
        // Find a curve point with a small x; x + p then still fits in 32 bytes and names the same point.
        List<Executable> checks = new ArrayList<>();
        BigInteger exponent = P256_P.add(BigInteger.ONE).shiftRight(2); // p = 3 mod 4
        for (int i = 0; i < 40 && checks.size() < 4; i++) {
            BigInteger x = BigInteger.valueOf(i);
            BigInteger rhs = x.pow(3)
                    .subtract(x.multiply(BigInteger.valueOf(3)))
                    .add(P256_B)
                    .mod(P256_P);
            BigInteger y = rhs.modPow(exponent, P256_P);
            if (!y.multiply(y).mod(P256_P).equals(rhs)) {
                continue;
            }
            byte[] canonical = point(x, y);
            VerificationKey.fromEncoded(KeyType.P256, canonical); // the reference agrees it is a point
            byte[] bigX = point(x.add(P256_P), y);
            checks.add(() -> assertEquals(
                    ErrorCode.KEY_INVALID,
                    codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, bigX)),
                    "x + p for x = " + x));
            if (y.compareTo(BigInteger.TWO.pow(256).subtract(P256_P)) < 0) {
                byte[] bigY = point(x, y.add(P256_P));
                checks.add(() -> assertEquals(
                        ErrorCode.KEY_INVALID, codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, bigY))));
            }
        }
        checks.add(() -> assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromEncoded(KeyType.P256, point(P256_P, BigInteger.ONE)))));
        assertTrue(checks.size() > 2);
        assertAll(checks);
    }

    @Test
    void encodedFormsAndCopies() {
        SigningKey ed = SigningKey.generate(KeyType.ED25519, RANDOM);
        SigningKey ec = SigningKey.generate(KeyType.P256, RANDOM);
        assertEquals(32, ed.verificationKey().encoded().length());
        assertEquals(65, ec.verificationKey().encoded().length());
        assertEquals(0x04, ec.verificationKey().encoded().get(0));
        for (SigningKey key : new SigningKey[] {ed, ec}) {
            byte[] encoded = key.verificationKey().encoded().toByteArray();
            VerificationKey decoded = VerificationKey.fromEncoded(key.type(), encoded);
            Arrays.fill(encoded, (byte) 0);
            assertEquals(key.verificationKey(), decoded);
            assertEquals(key.verificationKey().hashCode(), decoded.hashCode());
            assertEquals(key.verificationKey().kid(), decoded.kid());
        }
        assertNotEquals(ed.verificationKey(), ec.verificationKey());
    }

    @Test
    void kidIsTheDomainHashOfTheCanonicalCoseKey() {
        for (KeyType type : KeyType.values()) {
            VerificationKey key = SigningKey.generate(type, RANDOM).verificationKey();
            assertEquals(32, key.kid().length());
            assertEquals(
                    DomainHash.of(HashDomain.KEY_ID, Cbor.encode(key.toCoseKey()))
                            .bytes(),
                    key.kid());
        }
    }

    @Test
    void kidMatchesAHandBuiltCoseKey() throws Exception {
        // Independent of Cbor.encode and DomainHash: the COSE_Key bytes written out by hand
        // (keys 1, -1, -2, -3 sort as 01 < 20 < 21 < 22) and SHA-256(len || "cairn/kid/v1" || key).
        byte[] tag = "cairn/kid/v1".getBytes(StandardCharsets.US_ASCII);
        for (KeyType type : KeyType.values()) {
            VerificationKey key = SigningKey.generate(type, RANDOM).verificationKey();
            byte[] enc = key.encoded().toByteArray();
            String coseKey = type == KeyType.ED25519
                    ? "a3" + "0101" + "2006" + "215820" + HEX.formatHex(enc)
                    : "a4" + "0102" + "2001" + "215820" + HEX.formatHex(enc, 1, 33) + "225820"
                            + HEX.formatHex(enc, 33, 65);
            assertEquals(coseKey, HEX.formatHex(Cbor.encode(key.toCoseKey())));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) tag.length);
            sha256.update(tag);
            sha256.update(HEX.parseHex(coseKey));
            assertEquals(Bytes.copyOf(sha256.digest()), key.kid());
        }
    }

    @Test
    void badSignaturesAreRejectedNotThrown() {
        for (KeyType type : KeyType.values()) {
            SigningKey key = SigningKey.generate(type, RANDOM);
            byte[] message = {1, 2, 3};
            byte[] good = key.sign(message);
            List<byte[]> bad = new ArrayList<>();
            bad.add(new byte[0]);
            bad.add(Arrays.copyOf(good, 63));
            bad.add(Arrays.copyOf(good, 65));
            bad.add(new byte[64]);
            byte[] ones = new byte[64];
            Arrays.fill(ones, (byte) 0xff);
            bad.add(ones);
            for (int bit = 0; bit < 512; bit += 37) {
                byte[] flipped = good.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                bad.add(flipped);
            }
            if (type == KeyType.P256) {
                byte[] zeroR = good.clone();
                Arrays.fill(zeroR, 0, 32, (byte) 0);
                bad.add(zeroR);
                byte[] nAsS = good.clone();
                System.arraycopy(bigEndian32(SigningKeyTest.P256_N), 0, nAsS, 32, 32);
                bad.add(nAsS);
            }
            assertAll(bad.stream().map(signature -> (Executable) () -> assertEquals(
                    ErrorCode.SIGNATURE_INVALID,
                    codeOf(() -> key.verificationKey().verify(message, signature)),
                    type + " " + HEX.formatHex(signature))));
        }
    }

    @Test
    void ed25519SignatureWithSAboveTheGroupOrderIsRejected() {
        // S + L has the same value mod L; RFC 8032 section 5.1.7 requires rejecting S >= L.
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM);
        byte[] message = {4, 5, 6};
        for (int attempt = 0; attempt < 64; attempt++) {
            byte[] msg = Arrays.copyOf(message, 4);
            msg[3] = (byte) attempt;
            byte[] signature = key.sign(msg);
            byte[] sLe = Arrays.copyOfRange(signature, 32, 64);
            byte[] sBe = new byte[32];
            for (int i = 0; i < 32; i++) {
                sBe[i] = sLe[31 - i];
            }
            BigInteger s = new BigInteger(1, sBe).add(l);
            if (s.bitLength() > 256) {
                continue;
            }
            byte[] malleated = signature.clone();
            System.arraycopy(littleEndian32(s), 0, malleated, 32, 32);
            assertEquals(
                    ErrorCode.SIGNATURE_INVALID,
                    codeOf(() -> key.verificationKey().verify(msg, malleated)));
            return;
        }
        throw new AssertionError("no signature with room for S + L found");
    }

    @Test
    void arbitraryPublicKeyBytesGiveAKeyOrKeyInvalid() {
        qt().withExamples(1000)
                .forAll(org.quicktheories.generators.SourceDSL.arbitrary().enumValues(KeyType.class), bytes(70))
                .checkAssert((type, encoded) -> {
                    try {
                        VerificationKey key = VerificationKey.fromEncoded(type, encoded);
                        assertEquals(Bytes.copyOf(encoded), key.encoded());
                    } catch (dev.cairn.errors.MalformedInputException e) {
                        assertEquals(ErrorCode.KEY_INVALID, e.code());
                    }
                });
    }

    @Test
    void arbitraryPrivateKeyBytesGiveAKeyOrKeyInvalid() {
        qt().withExamples(300)
                .forAll(org.quicktheories.generators.SourceDSL.arbitrary().enumValues(KeyType.class), bytes(40))
                .checkAssert((type, secret) -> {
                    try {
                        SigningKey key = SigningKey.fromPrivateKeyBytes(
                                type, secret, dev.cairn.bytes.InsecureSecretKeyAccess.get());
                        assertEquals(32, secret.length);
                        key.verificationKey().verify(secret, key.sign(secret));
                    } catch (dev.cairn.errors.MalformedInputException e) {
                        assertEquals(ErrorCode.KEY_INVALID, e.code());
                    }
                });
    }

    @Test
    void nullTypeIsRejected() {
        assertThrows(NullPointerException.class, () -> VerificationKey.fromEncoded(null, new byte[32]));
    }
}
