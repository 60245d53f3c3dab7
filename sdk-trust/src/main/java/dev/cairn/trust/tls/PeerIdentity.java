package dev.cairn.trust.tls;

import dev.cairn.trust.identity.CairnId;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity of a TLS peer, read from its verified certificate and nothing else. Only {@link
 * PeerVerifier} makes one: holding a {@code PeerIdentity} means the chain led to the trust bundle,
 * the certificate carried exactly one Cairn URI SAN, was within its validity and was not revoked
 * under the revocation head held at that moment.
 *
 * @param id the one identity the certificate names
 * @param serial the certificate's serial number
 * @param notAfter when the certificate expires
 * @param certificate the verified leaf certificate
 */
public record PeerIdentity(CairnId id, BigInteger serial, Instant notAfter, X509Certificate certificate) {
    /**
     * Checks that no part is missing.
     *
     * @param id the identity
     * @param serial the serial number
     * @param notAfter the expiry
     * @param certificate the leaf
     */
    public PeerIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(certificate, "certificate");
    }
}
