package dev.cairn.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.receipt.Statement;
import dev.cairn.server.store.MutableClock;
import dev.cairn.trust.csr.CsrBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service without HTTP, on each engine: atomic token consumption under 100 concurrent callers,
 * expiry of tokens and undecided requests on an injected clock, and automatic approval.
 */
abstract class EnrollmentServiceContract extends EnrollmentFixture {
    private JoinSubmission submission(String token, int host) {
        String csr = Base64.getEncoder()
                .encodeToString(CsrBuilder.build(new Agent(fingerprint(host)).key, Optional.empty())
                        .der()
                        .toByteArray());
        return new JoinSubmission(token, csr, new Facts(fingerprint(host), null, null, null, null), List.of());
    }

    private String cluster(Enrollment e) {
        return e.createCluster(operator, new NewCluster(uniqueName("s"))).name();
    }

    @Test
    void aOneUseTokenUsedBy100ThreadsAtOnceCarriesExactlyOneRequest() throws Exception {
        concurrentUses(1);
    }

    @Test
    void aTokenOfSevenUsesUsedBy100ThreadsAtOnceCarriesExactlySeven() throws Exception {
        concurrentUses(7);
    }

    private void concurrentUses(int maxUses) throws Exception {
        IssuedJoinToken token =
                enrollment.createJoinToken(operator, cluster(enrollment), new NewJoinToken(null, maxUses));
        JoinSubmission submission = submission(token.token(), 20);
        int threads = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        Map<ErrorCode, Integer> refused = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        long markers = log.head().markerCount();
        try {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        enrollment.submit(submission, "127.0.0.1");
                        accepted.incrementAndGet();
                    } catch (CairnException e) {
                        refused.merge(e.code(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(maxUses, accepted.get());
        assertEquals(Map.of(ErrorCode.JOIN_TOKEN_EXHAUSTED, threads - maxUses), refused);
        assertEquals(maxUses, count("SELECT COUNT(*) FROM enroll_join_requests WHERE token_id = ?", token.tokenId()));
        assertEquals(maxUses, count("SELECT used FROM enroll_join_tokens WHERE token_id = ?", token.tokenId()));
        assertEquals(markers + maxUses, log.head().markerCount(), "one statement per accepted request, none else");
    }

    @Test
    void aTokenExpiresAtItsTtlOnTheInjectedClock() {
        MutableClock clock = new MutableClock(System.currentTimeMillis());
        Enrollment timed = enrollment(settings(false), clock);
        IssuedJoinToken token = timed.createJoinToken(operator, cluster(timed), new NewJoinToken(60L, 5));
        clock.advance(59_999);
        timed.submit(submission(token.token(), 21), "127.0.0.1");
        clock.advance(1);
        var before = counts();
        CairnException expired =
                assertThrows(CairnException.class, () -> timed.submit(submission(token.token(), 21), "127.0.0.1"));
        assertEquals(ErrorCode.JOIN_TOKEN_EXPIRED, expired.code());
        assertEquals(before, counts());
        assertEquals(1, count("SELECT used FROM enroll_join_tokens WHERE token_id = ?", token.tokenId()));
    }

    @Test
    void anUndecidedRequestExpiresAfter24Hours() {
        MutableClock clock = new MutableClock(System.currentTimeMillis());
        Enrollment timed = enrollment(settings(false), clock);
        IssuedJoinToken token = timed.createJoinToken(operator, cluster(timed), new NewJoinToken(null, 2));
        JoinAccepted first = timed.submit(submission(token.token(), 22), "127.0.0.1");
        JoinAccepted second = timed.submit(submission(token.token(), 23), "127.0.0.1");
        clock.advance(EnrollmentSettings.REQUEST_LIFETIME.toMillis() - 1);
        timed.deny(operator, second.requestId(), new Denial("not this one"));
        clock.advance(1);
        var before = counts();
        assertEquals(
                ErrorCode.JOIN_REQUEST_EXPIRED,
                assertThrows(CairnException.class, () -> timed.approve(operator, first.requestId()))
                        .code());
        assertEquals(
                ErrorCode.JOIN_REQUEST_EXPIRED,
                assertThrows(CairnException.class, () -> timed.deny(operator, first.requestId(), new Denial("late")))
                        .code());
        assertEquals(
                ErrorCode.JOIN_REQUEST_EXPIRED,
                assertThrows(
                                CairnException.class,
                                () -> timed.poll(first.requestId(), "Cairn-Poll " + first.pollSecret()))
                        .code());
        assertEquals(before, counts());
        assertEquals("expired", timed.joinRequest(first.requestId()).status());
        assertTrue(timed.joinRequests(Optional.of(JoinStatus.EXPIRED)).stream()
                .anyMatch(r -> r.requestId().equals(first.requestId())));
        assertTrue(timed.joinRequests(Optional.of(JoinStatus.PENDING)).stream()
                .noneMatch(r -> r.requestId().equals(first.requestId())));
        assertEquals(
                "denied",
                timed.poll(second.requestId(), "Cairn-Poll " + second.pollSecret())
                        .status());
    }

    @Test
    void automaticApprovalIssuesAtOnceAndIsAuditedAsTheServer() {
        Enrollment auto = enrollment(settings(true), java.time.Clock.systemUTC());
        IssuedJoinToken token = auto.createJoinToken(operator, cluster(auto), new NewJoinToken(null, null));
        long from = log.head().markerCount();
        JoinAccepted accepted = auto.submit(submission(token.token(), 24), "127.0.0.1");
        assertEquals("approved", accepted.status());
        PollAnswer answer = auto.poll(accepted.requestId(), "Cairn-Poll " + accepted.pollSecret());
        assertEquals("approved", answer.status());
        assertEquals(3, parse(answer.certificateChain()).size());
        List<Statement> statements = statementsSince(from);
        assertEquals(
                List.of("join-request.submit", "join-request.approve"),
                statements.stream().map(Statement::kind).toList());
        assertEquals(serverId.uri(), statements.get(1).actor());
    }

    @Test
    void aJoinRequestCsrMustAskForNoName() {
        IssuedJoinToken token = enrollment.createJoinToken(operator, cluster(enrollment), new NewJoinToken(null, null));
        String csr = Base64.getEncoder()
                .encodeToString(CsrBuilder.build(
                                new Agent(fingerprint(25)).key,
                                Optional.of(dev.cairn.trust.identity.CairnId.node(DOMAIN, "c", "n-0123456789abcdef")))
                        .der()
                        .toByteArray());
        var before = counts();
        CairnException e = assertThrows(
                CairnException.class,
                () -> enrollment.submit(
                        new JoinSubmission(
                                token.token(), csr, new Facts(fingerprint(25), null, null, null, null), List.of()),
                        "127.0.0.1"));
        assertEquals(ErrorCode.CSR_NAMES_NOT_ALLOWED, e.code());
        assertEquals(before, counts());
        assertEquals(0, count("SELECT used FROM enroll_join_tokens WHERE token_id = ?", token.tokenId()));
    }
}
