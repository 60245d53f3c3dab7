package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /healthz and /readyz over real sockets, with checks the test switches between pass and fail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessEdgeTest {
    private final AtomicReference<CheckResult> database = new AtomicReference<>(CheckResult.ok("select 1"));
    private final AtomicReference<String> keys = new AtomicReference<>("ok");
    private final AtomicInteger hangStarts = new AtomicInteger();
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private EdgeFixture f;

    @BeforeAll
    void start() {
        f = new EdgeFixture(b -> b.limits(Limits.defaults().withReadinessTimeout(Duration.ofMillis(300)))
                .readiness(
                        ReadinessCheck.of("database", database::get),
                        ReadinessCheck.of("keys", () -> {
                            switch (keys.get()) {
                                case "cairn" -> throw new InternalException(ErrorCode.INTERNAL_IO, "disk", null);
                                case "throw" -> throw new IllegalStateException("the secret is hunter2");
                                default -> {
                                    return CheckResult.ok();
                                }
                            }
                        }),
                        ReadinessCheck.of("log-head", () -> {
                            hangStarts.incrementAndGet();
                            hang.await();
                            return CheckResult.ok("consistent with checkpoint 7");
                        })));
    }

    @AfterAll
    void stop() {
        hang.countDown();
        f.close();
    }

    private EdgeFixture.Reply ready() {
        return f.get(f.anonymous(), "/readyz");
    }

    @Test
    void healthzSaysOnlyThatTheProcessIsAlive() {
        database.set(CheckResult.failed(ErrorCode.INTERNAL_IO, "down"));
        try {
            EdgeFixture.Reply reply = f.get(f.anonymous(), "/healthz");
            assertEquals(200, reply.status());
            assertEquals("alive", reply.json().path("status").asText());
        } finally {
            database.set(CheckResult.ok("select 1"));
        }
    }

    @Test
    void allPassingIs200WithEveryCheck() {
        EdgeFixture.Reply reply = ready();
        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        assertEquals("ready", body.path("status").asText());
        assertEquals(3, body.path("checks").size());
        assertEquals("database", body.path("checks").get(0).path("name").asText());
        assertEquals("pass", body.path("checks").get(0).path("status").asText());
        assertEquals("select 1", body.path("checks").get(0).path("detail").asText());
        assertEquals(
                "consistent with checkpoint 7",
                body.path("checks").get(2).path("detail").asText());
        assertTrue(body.path("error").isMissingNode());
    }

    @Test
    void oneFailingCheckIs503WithItsCode() {
        database.set(CheckResult.failed(ErrorCode.INTERNAL_IO, "connection refused"));
        try {
            EdgeFixture.Reply reply = ready();
            assertEquals(503, reply.status(), reply.text());
            assertEquals("5", reply.header("Retry-After"));
            JsonNode body = reply.json();
            assertEquals("not_ready", body.path("status").asText());
            assertEquals("HTTP_NOT_READY", body.path("error").path("code").asText());
            JsonNode check = body.path("checks").get(0);
            assertEquals("fail", check.path("status").asText());
            assertEquals("INTERNAL_IO", check.path("code").asText());
            assertEquals("pass", body.path("checks").get(1).path("status").asText());
        } finally {
            database.set(CheckResult.ok("select 1"));
        }
        assertEquals(200, ready().status());
    }

    @Test
    void aThrowingCheckFailsWithItsCodeAndNoSecret() {
        keys.set("cairn");
        try {
            EdgeFixture.Reply reply = ready();
            assertEquals(503, reply.status());
            assertEquals(
                    "INTERNAL_IO",
                    reply.json().path("checks").get(1).path("code").asText());
            keys.set("throw");
            reply = ready();
            assertEquals(503, reply.status());
            assertEquals(
                    "INTERNAL_BUG",
                    reply.json().path("checks").get(1).path("code").asText());
            assertTrue(!reply.text().contains("hunter2"), reply.text());
        } finally {
            keys.set("ok");
        }
    }

    @Test
    void aHangingCheckTimesOutAndIsNotStartedTwice() {
        hang = new CountDownLatch(1);
        int starts = hangStarts.get();
        try {
            for (int i = 0; i < 3; i++) {
                EdgeFixture.Reply reply = ready();
                assertEquals(503, reply.status(), reply.text());
                assertEquals(
                        "HTTP_CHECK_TIMEOUT",
                        reply.json().path("checks").get(2).path("code").asText());
            }
            assertEquals(starts + 1, hangStarts.get(), "one running check, awaited by every probe");
        } finally {
            hang.countDown();
        }
    }
}
