package dev.cairn.trust.internal;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;

/**
 * The bridge between sdk-core's keys and the JCA / Bouncy Castle PKIX world that X.509, PKCS#10,
 * CRLs, TLS and JOSE need. One Bouncy Castle provider instance, passed explicitly (never installed
 * globally).
 */
public final class JcaKeys {
    /** The provider every sdk-trust JCA call uses. */
    public static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");
    /** Named, so that keys encode with the curve's OID (RFC 5480), as the JDK and OpenSSL require. */
    private static final ECDomainParameters P256_DOMAIN =
            new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, P256);

    private JcaKeys() {}

    /**
     * The JCA signature algorithm name for a key type: {@code Ed25519} or {@code SHA256withECDSA}.
     *
     * @param type the key type
     * @return the algorithm name
     */
    public static String signatureAlgorithm(KeyType type) {
        return type == KeyType.ED25519 ? "Ed25519" : "SHA256withECDSA";
    }

    /**
     * The JCA private key of a signing key (PKCS#8 through Bouncy Castle). The bytes leave the
     * {@link SigningKey} through the insecure-access token, which the caller must hold.
     *
     * @param key the signing key
     * @param access the explicit token
     * @return the private key
     */
    public static PrivateKey privateKey(SigningKey key, InsecureSecretKeyAccess access) {
        byte[] raw = key.privateKeyBytes(access);
        try {
            AsymmetricKeyParameter params = key.type() == KeyType.ED25519
                    ? new Ed25519PrivateKeyParameters(raw)
                    : new ECPrivateKeyParameters(new BigInteger(1, raw), P256_DOMAIN);
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(params);
            return keyFactory(key.type()).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "private key conversion failed", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * The JCA public key of a verification key.
     *
     * @param key the verification key
     * @return the public key (X.509 SubjectPublicKeyInfo encoded)
     */
    public static PublicKey publicKey(VerificationKey key) {
        byte[] raw = key.encoded().toByteArray();
        try {
            AsymmetricKeyParameter params = key.type() == KeyType.ED25519
                    ? new Ed25519PublicKeyParameters(raw)
                    : new ECPublicKeyParameters(P256.getCurve().decodePoint(raw), P256_DOMAIN);
            SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params);
            return keyFactory(key.type()).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "public key conversion failed", e);
        }
    }

    /**
     * The Cairn verification key of a SubjectPublicKeyInfo, accepting Ed25519 and P-256 only.
     *
     * @param info the public key info, for example from a CSR or certificate
     * @return the verification key
     * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} for any other algorithm or curve
     * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} for a malformed key
     */
    public static VerificationKey verificationKey(SubjectPublicKeyInfo info) {
        AsymmetricKeyParameter params;
        try {
            params = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new VerificationException(
                    ErrorCode.KEY_UNSUPPORTED,
                    "public key algorithm " + info.getAlgorithm().getAlgorithm() + " is not Ed25519 or P-256");
        }
        if (params instanceof Ed25519PublicKeyParameters ed) {
            return VerificationKey.fromEncoded(KeyType.ED25519, ed.getEncoded());
        }
        if (params instanceof ECPublicKeyParameters ec
                && ec.getParameters().getCurve().equals(P256.getCurve())) {
            return VerificationKey.fromEncoded(KeyType.P256, ec.getQ().getEncoded(false));
        }
        throw new VerificationException(ErrorCode.KEY_UNSUPPORTED, "public key is not Ed25519 or P-256");
    }

    /**
     * A Bouncy Castle content signer (for certificates, CSRs and CRLs) that signs with a signing key:
     * pure Ed25519, or ECDSA P-256 with SHA-256 and deterministic nonces (RFC 6979). One per
     * signature.
     *
     * @param key the signing key
     * @return the content signer
     */
    public static ContentSigner contentSigner(SigningKey key) {
        return new KeyContentSigner(key);
    }

    private static KeyFactory keyFactory(KeyType type) throws GeneralSecurityException {
        return KeyFactory.getInstance(type == KeyType.ED25519 ? "Ed25519" : "EC", PROVIDER);
    }
}
