package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /metrics over real sockets: who may read it, and that it counts requests per route and status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEdgeTest {
    private EdgeFixture f;
    private TestPki.Credential monitor;

    @BeforeAll
    void start() {
        f = new EdgeFixture(b -> b.bindJvmMetrics(true));
        monitor = f.pki.issue(CairnId.service(f.pki.domain, "ops", "prometheus"), Profile.SERVICE);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void metricsNeedAServiceCertificate() {
        EdgeFixture.Reply anonymous = f.get(f.anonymous(), "/metrics");
        assertEquals(401, anonymous.status());
        assertEquals("TLS_PEER_MISSING", anonymous.code());
        EdgeFixture.Reply node = f.get(f.client(f.node), "/metrics");
        assertEquals(403, node.status());
        assertEquals("AUTH_PEER_KIND_NOT_ALLOWED", node.code());
    }

    @Test
    void theScrapeCountsRequestsPerRouteTemplateAndStatus() {
        var client = f.client(f.node);
        f.get(client, "/test/whoami");
        f.get(client, "/test/whoami");
        f.get(client, "/test/fail/rejected");
        f.get(client, "/no/such/route/4711");
        EdgeFixture.Reply scrape = f.get(f.client(monitor), "/metrics");
        assertEquals(200, scrape.status(), scrape.text());
        assertTrue(scrape.header("Content-Type").startsWith("text/plain"), scrape.header("Content-Type"));
        String text = scrape.text();
        assertTrue(
                Pattern.compile(
                                "http_server_requests_seconds_count\\{code=\"none\",method=\"GET\",route=\"/test/whoami\","
                                        + "status=\"200\"} 2(\\.0)?\\b")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(text.contains("route=\"/test/fail/{family}\",status=\"404\""), "templates, not paths");
        assertTrue(text.contains("code=\"MARKER_NOT_FOUND\""));
        assertTrue(text.contains("route=\"unmatched\",status=\"404\""));
        assertTrue(!text.contains("4711"), "unmatched paths are not labels");
        assertTrue(text.contains("http_server_requests_seconds_bucket"), "latency histogram");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(text.contains("jvm_threads_live_threads"));
    }
}
