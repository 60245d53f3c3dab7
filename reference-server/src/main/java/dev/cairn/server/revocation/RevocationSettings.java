package dev.cairn.server.revocation;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.RevocationPublisher;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link ServerRevocation} publishes with.
 *
 * @param trustDomain the trust domain the heads are for
 * @param issuer the issuing intermediate's certificate (the CRL's issuer)
 * @param issuerKey the intermediate's private key: it signs heads and CRLs
 * @param access the explicit token to hand the key to the CRL signer
 * @param headValidity from a head's issued-at to its next-update ({@code revocation.head_validity})
 * @param publishInterval how often a head is re-published when nothing changed: below the smallest
 *     freshness bound in use (5 minutes for {@code DANGEROUS}) and below the validity
 * @param clock what "now" is
 */
public record RevocationSettings(
        TrustDomain trustDomain,
        X509Certificate issuer,
        SigningKey issuerKey,
        InsecureSecretKeyAccess access,
        Duration headValidity,
        Duration publishInterval,
        Clock clock) {
    /** The default re-publication interval: a fifth of the default {@code DANGEROUS} bound. */
    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofSeconds(60);

    /**
     * Checks the settings.
     *
     * @param trustDomain the trust domain
     * @param issuer the intermediate
     * @param issuerKey its key
     * @param access the access token
     * @param headValidity 1 s to 366 days
     * @param publishInterval positive and below the validity
     * @param clock the clock
     */
    public RevocationSettings {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerKey, "issuerKey");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(clock, "clock");
        if (headValidity.compareTo(Duration.ofSeconds(1)) < 0
                || headValidity.compareTo(RevocationPublisher.MAX_HEAD_VALIDITY) > 0) {
            throw new IllegalArgumentException("head validity " + headValidity + ", want 1 s to 366 days");
        }
        if (publishInterval.isNegative() || publishInterval.isZero() || publishInterval.compareTo(headValidity) >= 0) {
            throw new IllegalArgumentException(
                    "publish interval " + publishInterval + ", want positive and below the validity " + headValidity);
        }
    }

    /**
     * Settings with the default interval: the smaller of {@link #DEFAULT_PUBLISH_INTERVAL} and half the
     * validity.
     *
     * @param trustDomain the trust domain
     * @param issuer the intermediate
     * @param issuerKey its key
     * @param access the access token
     * @param headValidity the validity of each head
     * @param clock the clock
     * @return the settings
     */
    public static RevocationSettings of(
            TrustDomain trustDomain,
            X509Certificate issuer,
            SigningKey issuerKey,
            InsecureSecretKeyAccess access,
            Duration headValidity,
            Clock clock) {
        Duration half = headValidity.dividedBy(2);
        Duration interval = half.compareTo(DEFAULT_PUBLISH_INTERVAL) < 0 ? half : DEFAULT_PUBLISH_INTERVAL;
        return new RevocationSettings(trustDomain, issuer, issuerKey, access, headValidity, interval, clock);
    }
}
