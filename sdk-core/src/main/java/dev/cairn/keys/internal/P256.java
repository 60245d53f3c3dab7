package dev.cairn.keys.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/** The P-256 domain (SEC 2 secp256r1), on Bouncy Castle's optimised curve implementation. */
public final class P256 {
    /** The curve's domain parameters. */
    public static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters x9 = CustomNamedCurves.getByName("P-256");
        DOMAIN = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    }

    private P256() {}

    /**
     * Decodes an uncompressed point {@code 04 || x || y} and checks it is on the curve and not infinity.
     *
     * @param encoded 65 bytes
     * @return the point
     * @throws IllegalArgumentException if it is not a valid public point
     */
    public static ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != 65 || encoded[0] != 0x04) {
            throw new IllegalArgumentException("want a 65-byte uncompressed point");
        }
        ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("point is not a valid P-256 public key");
        }
        return point.normalize();
    }

    /**
     * Checks a private scalar is in {@code [1, n-1]}.
     *
     * @param d the scalar
     * @return whether it is a valid private key
     */
    public static boolean isValidScalar(BigInteger d) {
        return d.signum() > 0 && d.compareTo(DOMAIN.getN()) < 0;
    }

    /**
     * Encodes a non-negative integer as exactly {@code length} big-endian bytes.
     *
     * @param value the integer, smaller than 2^(8*length)
     * @param length output length
     * @return the fixed-length encoding
     */
    public static byte[] fixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
