package dev.cairn.trust.internal;

import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Checks the signature of an X.509 structure (certificate, CSR, CRL) with sdk-core's Bouncy Castle
 * keys: Ed25519 (RFC 8410, no parameters) or ecdsa-with-SHA256 (RFC 5758, no parameters, the
 * signature a DER {@code SEQUENCE {r, s}}). The algorithm must be the one the key's type signs
 * with; anything else is simply "does not verify".
 */
public final class X509Signatures {
    private X509Signatures() {}

    /**
     * Whether a signature over the to-be-signed bytes verifies with the key.
     *
     * @param key the signer's key
     * @param algorithm the structure's signature algorithm
     * @param signed the to-be-signed bytes (TBSCertificate, CertificationRequestInfo, ...)
     * @param signature the signature bit string's bytes
     * @return {@code true} only if it verifies
     */
    public static boolean verifies(
            VerificationKey key, AlgorithmIdentifier algorithm, byte[] signed, byte[] signature) {
        return algorithm.getParameters() == null
                && verifies(key, algorithm.getAlgorithm().getId(), signed, signature);
    }

    /**
     * Whether a certificate's signature verifies with a key, from the JDK's own view of the
     * certificate (the TBS bytes exactly as received).
     *
     * @param key the issuer's key
     * @param certificate the certificate
     * @return {@code true} only if it verifies
     */
    public static boolean verifies(VerificationKey key, X509Certificate certificate) {
        try {
            return certificate.getSigAlgParams() == null
                    && verifies(
                            key,
                            certificate.getSigAlgOID(),
                            certificate.getTBSCertificate(),
                            certificate.getSignature());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static boolean verifies(VerificationKey key, String algorithm, byte[] signed, byte[] signature) {
        byte[] raw;
        if (key.type() == KeyType.ED25519) {
            if (!algorithm.equals(EdECObjectIdentifiers.id_Ed25519.getId())) {
                return false;
            }
            raw = signature;
        } else {
            if (!algorithm.equals(X9ObjectIdentifiers.ecdsa_with_SHA256.getId())) {
                return false;
            }
            raw = rawEcdsa(signature);
            if (raw == null) {
                return false;
            }
        }
        try {
            key.verify(signed, raw);
            return true;
        } catch (VerificationException e) {
            return false;
        }
    }

    /** The 64-byte {@code r || s} of a strict DER ECDSA signature, or null if it is not one. */
    private static byte[] rawEcdsa(byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            if (sequence.size() != 2 || !java.util.Arrays.equals(sequence.getEncoded("DER"), der)) {
                return null;
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (r.signum() <= 0 || s.signum() <= 0 || r.bitLength() > 256 || s.bitLength() > 256) {
                return null;
            }
            byte[] raw = new byte[64];
            copy(r, raw, 0);
            copy(s, raw, 32);
            return raw;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static void copy(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 32 ? bytes.length - 32 : 0;
        System.arraycopy(bytes, skip, target, offset + 32 - (bytes.length - skip), bytes.length - skip);
    }
}
