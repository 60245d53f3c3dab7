package dev.cairn.server.app;

import dev.cairn.errors.CairnException;
import dev.cairn.server.pki.ServerPki;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Renews the running server's own certificates (TLS, log signer) at their renewal points, without a
 * restart: every {@link #CHECK_INTERVAL} it asks {@link ServerPki#renewIfDue}, which re-issues a
 * certificate once past the instant drawn for it. The TLS listener presents the new chain from the
 * next handshake on. A failed renewal is printed with its code and tried again at the next check;
 * readiness ({@link Keys}) fails once a certificate is past its renewal window, well before it expires.
 */
final class OwnCertificateRenewal implements AutoCloseable {
    /** How often the renewal points are checked. */
    static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

    private final ServerPki pki;
    private final RandomGenerator random;
    private final Clock clock;
    private final PrintStream notices;
    private final ScheduledExecutorService schedule;

    OwnCertificateRenewal(ServerPki pki, RandomGenerator random, Clock clock, PrintStream notices) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cairn-own-certificate-renewal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the periodic check. */
    OwnCertificateRenewal start() {
        long period = CHECK_INTERVAL.toMillis();
        schedule.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One check: renews what is due; never throws (a failure is printed and retried next time). */
    void check() {
        try {
            if (pki.renewIfDue(random, clock.instant())) {
                notices.println("renewed the server's own certificates: TLS serial "
                        + pki.tlsChain().get(0).getSerialNumber().toString(16) + " (next renewal "
                        + pki.tlsRenewAt() + "), log signer serial "
                        + pki.logSigner().chain().get(0).getSerialNumber().toString(16) + " (next renewal "
                        + pki.logSigner().renewAt() + ")");
            }
        } catch (CairnException e) {
            notices.println("renewing the server's own certificates failed: " + e.code() + ": " + e.getMessage()
                    + " (tried again in " + CHECK_INTERVAL.toSeconds() + " s)");
        } catch (RuntimeException e) {
            notices.println("renewing the server's own certificates failed: " + e + " (tried again in "
                    + CHECK_INTERVAL.toSeconds() + " s)");
        }
    }

    /** Stops the schedule; a check that is running finishes first. */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            schedule.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
