package dev.cairn.server.http;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the readiness checks in parallel, each bounded by the timeout. A check still running from an
 * earlier probe is not started again (its answer is awaited instead), so a hung dependency holds
 * at most one thread per check however often {@code /readyz} is polled.
 */
final class Readiness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final List<ReadinessCheck> checks;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    /** A check's result and how long it took. */
    private record Outcome(CheckResult result, long elapsedNanos) {}

    Readiness(List<ReadinessCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
        var names = new HashSet<String>();
        for (ReadinessCheck check : this.checks) {
            if (!names.add(ReadinessCheck.requireName(check.name()))) {
                throw new IllegalArgumentException("two readiness checks named " + check.name());
            }
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "cairn-readiness-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs every check and reports; {@code error} is set when one failed. */
    ReadinessReport run(String traceId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (ReadinessCheck check : checks) {
            futures.add(running.compute(check.name(), (name, f) -> f == null || f.isDone() ? start(check) : f));
        }
        List<ReadinessReport.Check> reports = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            ReadinessCheck check = checks.get(i);
            Outcome outcome = await(check, futures.get(i), deadline);
            CheckResult result = outcome.result();
            result.code().ifPresent(code -> failed.add(check.name() + " " + code));
            reports.add(new ReadinessReport.Check(
                    check.name(),
                    result.passed() ? "pass" : "fail",
                    result.code().map(Enum::name).orElse(null),
                    result.detail(),
                    TimeUnit.NANOSECONDS.toMillis(outcome.elapsedNanos())));
        }
        if (failed.isEmpty()) {
            return new ReadinessReport("ready", reports, null);
        }
        ErrorBody body =
                ErrorBody.of(ErrorCode.HTTP_NOT_READY, "failed: " + String.join(", ", failed), Map.of(), traceId);
        return new ReadinessReport("not_ready", reports, body.error());
    }

    private CompletableFuture<Outcome> start(ReadinessCheck check) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long start = System.nanoTime();
                    CheckResult result = runOne(check);
                    return new Outcome(result, System.nanoTime() - start);
                },
                executor);
    }

    private static CheckResult runOne(ReadinessCheck check) {
        try {
            CheckResult result = check.check();
            if (result == null) {
                return CheckResult.failed(ErrorCode.INTERNAL_BUG, "the check returned no result");
            }
            return result;
        } catch (CairnException e) {
            LOG.warn("readiness check {} failed: {}", check.name(), e.getMessage());
            return CheckResult.failed(e.code(), "the check raised " + e.code());
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("readiness check {} threw", check.name(), e);
            return CheckResult.failed(
                    ErrorCode.INTERNAL_BUG, "the check threw " + e.getClass().getSimpleName());
        }
    }

    private Outcome await(ReadinessCheck check, CompletableFuture<Outcome> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new Outcome(
                    CheckResult.failed(ErrorCode.HTTP_CHECK_TIMEOUT, "no answer within " + timeout.toMillis() + " ms"),
                    timeout.toNanos());
        } catch (ExecutionException e) {
            LOG.error("readiness check {} failed", check.name(), e.getCause());
            return new Outcome(CheckResult.failed(ErrorCode.INTERNAL_BUG, "the check failed"), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(CheckResult.failed(ErrorCode.HTTP_CHECK_TIMEOUT, "interrupted"), 0);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
