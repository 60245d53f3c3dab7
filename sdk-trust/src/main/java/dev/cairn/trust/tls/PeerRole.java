package dev.cairn.trust.tls;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a peer's certificate must be issued for: the extended key usage its side of TLS needs. */
public enum PeerRole {
    /** A TLS client: the certificate carries {@code id-kp-clientAuth}. */
    CLIENT(KeyPurposeId.id_kp_clientAuth.getId()),
    /** A TLS server: the certificate carries {@code id-kp-serverAuth}. */
    SERVER(KeyPurposeId.id_kp_serverAuth.getId());

    private final String extendedKeyUsage;

    PeerRole(String extendedKeyUsage) {
        this.extendedKeyUsage = extendedKeyUsage;
    }

    /** The OID the certificate's extended key usage must contain. */
    String extendedKeyUsage() {
        return extendedKeyUsage;
    }
}
