package dev.cairn.trust.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.FileSerialLedger;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalTest {
    private static final TrustDomain TD = new TrustDomain("demo.example");
    private static final CairnId NODE = CairnId.node(TD, "c1", "n-1");
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theRenewalPointIsAlwaysInsideItsWindowAndRepeatsForASeed() {
        qt().forAll(longs().between(-1L << 40, 1L << 40), longs().between(1, 10L * 365 * 86_400_000), longs().all())
                .checkAssert((start, lifetime, seed) -> {
                    Instant notBefore = Instant.ofEpochMilli(start);
                    Instant notAfter = notBefore.plusMillis(lifetime);
                    Instant at = RenewalPolicy.renewAt(notBefore, notAfter, new SplittableRandom(seed));
                    long offset = Duration.between(notBefore, at).toMillis();
                    assertTrue(offset >= lifetime / 2 && offset <= lifetime * 2 / 3, offset + " of " + lifetime);
                    assertEquals(at, RenewalPolicy.renewAt(notBefore, notAfter, new SplittableRandom(seed)));
                });
    }

    @Test
    void aDueCertificateIsRenewedAndTheNextRenewalIsScheduledByThePolicy() throws Exception {
        Clock issuing = Clock.fixed(T0, ZoneOffset.UTC);
        X509Certificate first = issue(issuing);
        Clock later = Clock.offset(issuing, Duration.ofHours(20));
        X509Certificate second = issue(later);
        CompletableFuture<X509Certificate> renewed = new CompletableFuture<>();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try (RenewalScheduler scheduler = new RenewalScheduler(
                executor, later, new SplittableRandom(1), current -> second, listener(renewed, null))) {
            Instant at = scheduler.start(first);
            assertTrue(at.isBefore(later.instant()), "20 h into a 24 h certificate, renewal is due");
            assertEquals(second, renewed.get(10, TimeUnit.SECONDS));
            ScheduledFuture<?> next = waitForQueued(executor);
            long lifetime = Duration.between(
                            second.getNotBefore().toInstant(),
                            second.getNotAfter().toInstant())
                    .toMillis();
            long delay = next.getDelay(TimeUnit.MILLISECONDS) + CertificateAuthority.BACKDATE.toMillis();
            assertTrue(delay >= lifetime / 2 - 1000 && delay <= lifetime * 2 / 3, delay + " of " + lifetime);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void failuresAreRetriedUntilExpiryThenReported() throws Exception {
        X509Certificate certificate = issue(Clock.fixed(T0, ZoneOffset.UTC));
        Clock nearExpiry = Clock.fixed(certificate.getNotAfter().toInstant().minusSeconds(2), ZoneOffset.UTC);
        CompletableFuture<Exception> expired = new CompletableFuture<>();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try (RenewalScheduler scheduler = new RenewalScheduler(
                executor,
                nearExpiry,
                new SplittableRandom(2),
                current -> {
                    throw new IllegalStateException("enrolment endpoint down");
                },
                listener(null, expired))) {
            scheduler.start(certificate);
            assertEquals(
                    "enrolment endpoint down", expired.get(10, TimeUnit.SECONDS).getMessage());
            assertTrue(executor.getQueue().isEmpty(), "nothing is scheduled after expiry");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closingCancelsTheScheduledRenewal() {
        X509Certificate certificate = issue(Clock.fixed(T0, ZoneOffset.UTC));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        try {
            RenewalScheduler scheduler = new RenewalScheduler(
                    executor, Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(3), c -> c, listener(null, null));
            scheduler.start(certificate);
            assertFalse(executor.getQueue().isEmpty());
            scheduler.close();
            assertTrue(executor.getQueue().isEmpty());
        } finally {
            executor.shutdownNow();
        }
    }

    private static RenewalScheduler.Listener listener(
            CompletableFuture<X509Certificate> renewed, CompletableFuture<Exception> expired) {
        return new RenewalScheduler.Listener() {
            @Override
            public void renewed(X509Certificate certificate) {
                if (renewed != null) {
                    renewed.complete(certificate);
                }
            }

            @Override
            public void expired(X509Certificate certificate, Exception last) {
                if (expired != null) {
                    expired.complete(last);
                }
            }
        };
    }

    private static ScheduledFuture<?> waitForQueued(ScheduledThreadPoolExecutor executor) throws InterruptedException {
        for (int i = 0; i < 1000 && executor.getQueue().isEmpty(); i++) {
            Thread.sleep(10);
        }
        return (ScheduledFuture<?>) executor.getQueue().peek();
    }

    private X509Certificate issue(Clock clock) {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        SecureRandom random = new SecureRandom();
        Path ledger = dir.resolve("serials-" + clock.instant().toEpochMilli());
        CertificateAuthority ca = CertificateAuthority.initialize(
                TD,
                SigningKey.generate(KeyType.ED25519, random),
                SigningKey.generate(KeyType.ED25519, random),
                Duration.ofDays(365),
                FileSerialLedger.open(ledger),
                random,
                clock,
                access);
        return ca.issue(
                        CsrVerifier.verify(
                                CsrBuilder.build(SigningKey.generate(KeyType.ED25519, random), Optional.of(NODE))
                                        .der()
                                        .toByteArray()),
                        NODE,
                        Profile.NODE_CLIENT,
                        Optional.empty())
                .certificate();
    }
}
