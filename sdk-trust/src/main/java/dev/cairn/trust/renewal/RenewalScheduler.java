package dev.cairn.trust.renewal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Renews a certificate at the instant {@link RenewalPolicy} picks, again and again: each successful
 * renewal schedules the next from the new certificate. A failed renewal is retried with doubling
 * backoff (from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}) but never past the certificate's
 * expiry; after that, the failure is reported and nothing more is scheduled. Time comes from the
 * injected clock; the executor is the caller's (tests drive it by hand). Thread-safe.
 */
public final class RenewalScheduler implements AutoCloseable {
    /** First delay after a failed renewal. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);

    /** Longest delay between retries. */
    public static final Duration MAX_RETRY = Duration.ofMinutes(5);

    /** Renews a certificate. */
    @FunctionalInterface
    public interface Renewer {
        /**
         * Obtains a new certificate (for example: new key, CSR, enrolment call).
         *
         * @param current the certificate to replace
         * @return the new certificate
         * @throws Exception if this attempt failed; it is retried
         */
        X509Certificate renew(X509Certificate current) throws Exception;
    }

    /** Hears about renewals. */
    public interface Listener {
        /**
         * A renewal succeeded.
         *
         * @param renewed the new certificate
         */
        void renewed(X509Certificate renewed);

        /**
         * Renewal failed and the certificate expired; nothing more is scheduled.
         *
         * @param expired the certificate that could not be renewed
         * @param last the last failure
         */
        void expired(X509Certificate expired, Exception last);
    }

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final RandomGenerator random;
    private final Renewer renewer;
    private final Listener listener;
    private ScheduledFuture<?> next;
    private boolean closed;

    /**
     * Creates a scheduler; {@link #start} schedules the first renewal.
     *
     * @param executor where renewals run
     * @param clock what "now" is
     * @param random the source of jitter
     * @param renewer obtains new certificates
     * @param listener hears the outcomes
     */
    public RenewalScheduler(
            ScheduledExecutorService executor,
            Clock clock,
            RandomGenerator random,
            Renewer renewer,
            Listener listener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.renewer = Objects.requireNonNull(renewer, "renewer");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Schedules the renewal of a certificate at its renewal instant.
     *
     * @param certificate the current certificate
     * @return the instant the renewal is scheduled for
     */
    public synchronized Instant start(X509Certificate certificate) {
        Instant at = RenewalPolicy.renewAt(certificate, random);
        schedule(certificate, at, FIRST_RETRY);
        return at;
    }

    /** Cancels what is scheduled; nothing runs afterwards. The executor stays the caller's. */
    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void schedule(X509Certificate certificate, Instant at, Duration retry) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        next = executor.schedule(() -> attempt(certificate, retry), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(X509Certificate certificate, Duration retry) {
        X509Certificate renewed;
        try {
            renewed = renewer.renew(certificate);
        } catch (Exception e) {
            retryOrGiveUp(certificate, retry, e);
            return;
        }
        listener.renewed(renewed);
        synchronized (this) {
            schedule(renewed, RenewalPolicy.renewAt(renewed, random), FIRST_RETRY);
        }
    }

    private synchronized void retryOrGiveUp(X509Certificate certificate, Duration retry, Exception failure) {
        Instant expiry = certificate.getNotAfter().toInstant();
        Instant at = clock.instant().plus(retry);
        if (!at.isBefore(expiry)) {
            listener.expired(certificate, failure);
            return;
        }
        Duration doubled = retry.multipliedBy(2);
        schedule(certificate, at, doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled);
    }
}
