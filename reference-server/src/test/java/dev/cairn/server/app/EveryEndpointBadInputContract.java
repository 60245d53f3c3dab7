package dev.cairn.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.trust.token.OperatorScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every endpoint the server registers, read from its own {@code /openapi.json} (which
 * {@code OpenApiEdgeTest} keeps equal to the registered routes), so a route added later is covered
 * without editing this test: malformed, mistyped, unknown-member and oversized bodies, malformed path
 * values and query strings, each sent with an operator token of every scope. Every answer must be a
 * coded 4xx with the error body of {@code spec/http-api.md} (code, {@code retryable}, a recovery hint,
 * a trace id), never a 5xx, and nothing in the database may change. Node routes answer the anonymous
 * client with {@code AUTH_REQUIRED}; their bodies are covered with a node certificate by {@code
 * EnrollmentInputContract}. Run on H2 and on PostgreSQL.
 */
abstract class EveryEndpointBadInputContract {
    /** The engine the server stores its state in. */
    abstract TestDatabase engine();

    /** Tables that background work writes (scheduled checkpoints, revocation head republishing). */
    private static final List<String> BACKGROUND_TABLES = List.of("AUDIT_CHECKPOINTS", "REVOCATION_HEAD");

    @TempDir
    Path dir;

    @Test
    void everyEndpointRefusesBadInputWithACoded4xxAndChangesNothing() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("CAIRN_SERVER_AUDIT_CHECKPOINT_INTERVAL", "PT1H"));
        TestDataSource pg = engine() == TestDatabase.POSTGRESQL ? TestDatabases.create(engine(), "bad-input") : null;
        if (pg != null) {
            env.put("CAIRN_SERVER_DATABASE_URL", pg.jdbcUrl());
            if (pg.user() != null) {
                env.put("CAIRN_SERVER_DATABASE_USER", pg.user());
            }
            String password = System.getenv(TestDatabases.PG_PASSWORD_ENV);
            if (password != null) {
                env.put("CAIRN_SERVER_DATABASE_PASSWORD", password);
            }
        }
        try (pg;
                ServerFixture f = new ServerFixture(dir, env)) {
            String token = f.token(Arrays.stream(OperatorScope.values())
                    .map(OperatorScope::token)
                    .toArray(String[]::new));
            JsonNode paths = f.get("/openapi.json", null).json().path("paths");
            int limit = f.app.config().maxBodyBytes();
            Map<String, Long> before = rowCounts(f);
            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    for (Probe probe : probes(path.getKey(), method, op.getValue(), limit)) {
                        sent++;
                        String problem;
                        try {
                            problem = problem(f.request(method, probe.path(), token, probe.mediaType(), probe.body()));
                        } catch (java.io.UncheckedIOException e) {
                            problem = "no response: " + e.getCause();
                        }
                        if (problem != null) {
                            failures.add(method + " " + probe.path() + " (" + probe.what() + "): " + problem);
                        }
                    }
                }
            }
            assertTrue(sent > 50, "probes sent: " + sent);
            assertEquals(List.of(), failures, failures.size() + " of " + sent + " probes were answered wrongly");
            assertEquals(before, rowCounts(f), "bad input changed the database");
        }
    }

    /** What to send to one operation. */
    private record Probe(String what, String path, String mediaType, byte[] body) {}

    private static List<Probe> probes(String template, String method, JsonNode op, int limit) {
        List<Probe> probes = new ArrayList<>();
        boolean hasParameters = template.contains("{");
        String plain = template.replaceAll("\\{[^}]+}", "0");
        JsonNode content = op.path("requestBody").path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        if (mediaType != null) {
            boolean json = mediaType.startsWith("application/json");
            if (json) {
                probes.add(new Probe("truncated JSON", plain, mediaType, bytes("{\"a\":")));
                probes.add(new Probe("JSON array", plain, mediaType, bytes("[1,2]")));
                probes.add(new Probe("unknown member", plain, mediaType, bytes("{\"no_such_member_xyz\":1}")));
                probes.add(new Probe("duplicate member", plain, mediaType, bytes("{\"a\":1,\"a\":2}")));
                probes.add(new Probe("deep nesting", plain, mediaType, bytes("[".repeat(5000) + "]".repeat(5000))));
                probes.add(new Probe(
                        "not UTF-8", plain, mediaType, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}));
            } else {
                probes.add(new Probe("garbage", plain, mediaType, new byte[] {(byte) 0xFF, 0x00, 0x13, 0x37}));
            }
            probes.add(new Probe("empty body", plain, mediaType, new byte[0]));
            probes.add(new Probe("oversized", plain, mediaType, new byte[limit + 1]));
            probes.add(new Probe("wrong media type", plain, "text/plain", bytes("hello")));
        } else if (method.equals("POST") || method.equals("PUT")) {
            probes.add(new Probe("unexpected body", plain, "application/json", bytes("{\"a\":1}")));
        }
        if (hasParameters) {
            for (String bad : List.of("%00", "x".repeat(300), "..", "%C3%28", "-1", "01")) {
                String path = template.replaceAll("\\{[^}]+}", bad);
                probes.add(new Probe(
                        "path value " + bad.substring(0, Math.min(bad.length(), 8)),
                        path,
                        mediaType,
                        mediaType == null ? null : bytes("{}")));
            }
        }
        if (method.equals("GET")) {
            for (String query : List.of(
                    "?first=x&count=1",
                    "?first=0&count=-1",
                    "?first=0&count=99999999999999999999",
                    "?first=0&first=1")) {
                probes.add(new Probe("query " + query, plain + query, null, null));
            }
        }
        return probes;
    }

    /** Why a reply is not a coded 4xx with the full error body, or null when it is one (or a success). */
    private static String problem(ServerFixture.Reply reply) {
        if (reply.status() >= 200 && reply.status() < 300) {
            return null; // a GET whose query parameters the route does not read, say
        }
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status() + ": " + reply.text();
        }
        JsonNode error;
        try {
            error = reply.json().path("error");
        } catch (AssertionError e) {
            return "not a JSON error body: " + reply.text();
        }
        String code = error.path("code").asText("");
        if (Arrays.stream(ErrorCode.values()).noneMatch(c -> c.name().equals(code))) {
            return "no registered code: " + reply.text();
        }
        if (!error.path("retryable").isBoolean()
                || error.path("hint").asText("").isBlank()
                || error.path("trace_id").asText("").isBlank()) {
            return "incomplete error body: " + reply.text();
        }
        return null;
    }

    private static Map<String, Long> rowCounts(ServerFixture f) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = f.app.database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (BACKGROUND_TABLES.contains(table.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table.toUpperCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        assertTrue(counts.containsKey("AUDIT_MARKERS"), counts.toString());
        return counts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
