package dev.cairn.trust.tls;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What a certificate must be issued for: the extended key usage its side of TLS needs, or, for a
 * log's signing key, document signing. {@link TlsContexts} takes only the two TLS roles.
 */
public enum PeerRole {
    /** A TLS client: the certificate carries {@code id-kp-clientAuth}. */
    CLIENT(KeyPurposeId.id_kp_clientAuth.getId()),
    /** A TLS server: the certificate carries {@code id-kp-serverAuth}. */
    SERVER(KeyPurposeId.id_kp_serverAuth.getId()),
    /**
     * Not a TLS role: the signing key of a log, whose certificate carries RFC 9336's {@code
     * id-kp-documentSigning} (the {@code LOG_SIGNER} profile). For verifiers of checkpoints and audit
     * bundles, with {@link PeerVerifier#verifyAt}.
     */
    LOG_SIGNER(KeyPurposeId.id_kp_documentSigning.getId());

    private final String extendedKeyUsage;

    PeerRole(String extendedKeyUsage) {
        this.extendedKeyUsage = extendedKeyUsage;
    }

    /** The OID the certificate's extended key usage must contain. */
    String extendedKeyUsage() {
        return extendedKeyUsage;
    }
}
