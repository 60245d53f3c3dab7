package dev.cairn.agent.state;

import java.security.cert.X509Certificate;

/**
 * What a certificate certifies; the one Cairn identity it names is {@link
 * dev.cairn.trust.identity.CairnId#inCertificate}.
 */
public final class CertificateNames {
    private CertificateNames() {}

    /**
     * Whether a certificate certifies a key: its SubjectPublicKeyInfo is the key's.
     *
     * @param certificate the certificate
     * @param key the key
     * @return {@code true} if the certificate's public key is {@code key}
     */
    public static boolean certifies(X509Certificate certificate, dev.cairn.keys.VerificationKey key) {
        return KeyMatch.certifies(certificate, key);
    }
}
