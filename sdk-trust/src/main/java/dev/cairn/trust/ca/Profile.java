package dev.cairn.trust.ca;

import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * An issuance profile ({@code spec/ca.md}): lifetime bounds, key usage, extended key usage, basic
 * constraints, and what happens to names a CSR asks for.
 */
public enum Profile {
    /** A node authenticating to the control plane (mTLS client). */
    NODE_CLIENT(
            Duration.ofMinutes(5),
            Duration.ofHours(24),
            Duration.ofDays(7),
            false,
            List.of(KeyPurposeId.id_kp_clientAuth)),
    /** A node serving mTLS. */
    NODE_SERVER(
            Duration.ofMinutes(5),
            Duration.ofHours(24),
            Duration.ofDays(7),
            false,
            List.of(KeyPurposeId.id_kp_serverAuth)),
    /** A service that is both mTLS client and server. */
    SERVICE(
            Duration.ofMinutes(5),
            Duration.ofHours(24),
            Duration.ofDays(30),
            false,
            List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)),
    /**
     * A log's signing key ({@code spec/ca.md}, "Log signers"): its checkpoints and statements, never
     * TLS. The only extended key usage is RFC 9336's {@code id-kp-documentSigning}, so a TLS stack
     * refuses the certificate and a TLS certificate cannot pass for a log key; the identity is the log's
     * ({@code cairn://<trust-domain>/log/<name>}), and only this profile is issued for it.
     */
    LOG_SIGNER(
            Duration.ofMinutes(5),
            Duration.ofHours(24),
            Duration.ofDays(30),
            false,
            List.of(KeyPurposeId.id_kp_documentSigning)),
    /** An intermediate CA, signed by the root; may sign leaves only (path length 0). */
    INTERMEDIATE(Duration.ofDays(1), Duration.ofDays(365), Duration.ofDays(5 * 365), true, List.of());

    private final Duration minTtl;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final boolean ca;
    private final List<KeyPurposeId> extendedKeyUsage;

    Profile(Duration minTtl, Duration defaultTtl, Duration maxTtl, boolean ca, List<KeyPurposeId> eku) {
        this.minTtl = minTtl;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
        this.ca = ca;
        this.extendedKeyUsage = eku;
    }

    /**
     * Shortest lifetime.
     *
     * @return the minimum
     */
    public Duration minTtl() {
        return minTtl;
    }

    /**
     * Lifetime when none is requested.
     *
     * @return the default
     */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /**
     * Longest lifetime.
     *
     * @return the maximum
     */
    public Duration maxTtl() {
        return maxTtl;
    }

    /**
     * Whether the certificate is a CA (basicConstraints cA, path length 0).
     *
     * @return {@code true} for the intermediate profile
     */
    public boolean isCa() {
        return ca;
    }

    /**
     * The key usage bits: digitalSignature for leaves; keyCertSign and cRLSign for CAs.
     *
     * @return the key usage
     */
    KeyUsage keyUsage() {
        return new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature);
    }

    /**
     * The extended key usages; none for CAs.
     *
     * @return the purposes
     */
    List<KeyPurposeId> extendedKeyUsage() {
        return extendedKeyUsage;
    }
}
