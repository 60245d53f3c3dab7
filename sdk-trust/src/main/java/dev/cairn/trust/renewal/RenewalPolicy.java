package dev.cairn.trust.renewal;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to renew: uniformly at random between one half and two thirds of a certificate's lifetime
 * ({@code spec/ca.md}, "Renewal"). The jitter spreads the renewals of certificates issued together, and
 * the window leaves a third of the lifetime for retries. A pure function of the validity and the
 * random source: the same seed gives the same instant.
 */
public final class RenewalPolicy {
    private RenewalPolicy() {}

    /**
     * The renewal instant of a certificate.
     *
     * @param certificate the certificate
     * @param random the source of jitter
     * @return an instant in [notBefore + lifetime/2, notBefore + 2*lifetime/3]
     */
    public static Instant renewAt(X509Certificate certificate, RandomGenerator random) {
        return renewAt(
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                random);
    }

    /**
     * The renewal instant of a validity period.
     *
     * @param notBefore the start of validity
     * @param notAfter the end of validity, after {@code notBefore}
     * @param random the source of jitter
     * @return an instant in [notBefore + lifetime/2, notBefore + 2*lifetime/3], to the millisecond
     */
    public static Instant renewAt(Instant notBefore, Instant notAfter, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        long lifetime = Duration.between(notBefore, notAfter).toMillis();
        long earliest = lifetime / 2;
        long latest = lifetime * 2 / 3;
        long offset = latest > earliest ? earliest + random.nextLong(latest - earliest + 1) : earliest;
        return notBefore.plusMillis(offset);
    }
}
