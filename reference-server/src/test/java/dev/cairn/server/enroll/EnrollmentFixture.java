package dev.cairn.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.Statement;
import dev.cairn.server.enroll.http.EnrollmentRoutes;
import dev.cairn.server.http.HttpEdge;
import dev.cairn.server.pki.JdbcSerialLedger;
import dev.cairn.server.revocation.RevocationRoutes;
import dev.cairn.server.revocation.RevocationSettings;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.Stores;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.server.store.audit.AuditLogConfig;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import dev.cairn.trust.token.OperatorScope;
import dev.cairn.trust.token.OperatorTokenIssuer;
import dev.cairn.trust.token.OperatorTokenValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A server for enrollment tests on the class's database: a real CA (root and intermediate) with the
 * JDBC serial ledger, the audit log, the server's revocation, the enrollment service, and an HTTP
 * edge on 127.0.0.1 serving the enrollment and revocation routes over TLS 1.3; clients that speak
 * to it as operators, as agents without certificates and as enrolled nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnrollmentFixture {
    static final TrustDomain DOMAIN = new TrustDomain("enroll.example");
    static final LogId LOG_ID = new LogId("enroll.example/audit");
    static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ISSUER = "https://cairn.enroll.example";
    static final String AUDIENCE = "cairn-control-plane";
    static final List<String> TABLES = List.of(
            "enroll_clusters",
            "enroll_join_tokens",
            "enroll_join_requests",
            "enroll_nodes",
            "enroll_certificates",
            "revocation_entries",
            "audit_markers");

    final SecureRandom random = new SecureRandom();
    final SigningKey logKey = SigningKey.generate(KeyType.ED25519, random);
    final SigningKey intermediateKey = SigningKey.generate(KeyType.P256, random);
    final SecretBytes joinTokenKey = SecretBytes.random(32, random);
    final CairnId operator = CairnId.operator(DOMAIN, "alice");
    final CairnId serverId = CairnId.server(DOMAIN);
    private final AtomicInteger names = new AtomicInteger();
    Database db;
    AuditLog log;
    CertificateAuthority ca;
    TrustBundle bundle;
    ServerRevocation revocation;
    Enrollment enrollment;
    HttpEdge edge;
    OperatorTokenIssuer tokens;
    HttpClient anonymous;

    @BeforeAll
    void openServer(TestDataSource source) {
        db = Stores.open(source);
        log = AuditLog.open(
                db,
                AuditLogConfig.builder(LOG_ID, logKey)
                        .checkpointInterval(Duration.ZERO)
                        .timeout(Duration.ofSeconds(60))
                        .build());
        ca = CertificateAuthority.initialize(
                DOMAIN,
                SigningKey.generate(KeyType.P256, random),
                intermediateKey,
                Duration.ofDays(30),
                new JdbcSerialLedger(db.dataSource(), Clock.systemUTC()),
                random,
                Clock.systemUTC(),
                ACCESS);
        bundle = new TrustBundle(
                DOMAIN,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        revocation = ServerRevocation.open(
                db,
                RevocationSettings.of(
                        DOMAIN, ca.chain().get(0), intermediateKey, ACCESS, Duration.ofHours(1), Clock.systemUTC()));
        enrollment = enrollment(settings(false), Clock.systemUTC());
        tokens = OperatorTokenIssuer.builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .signingKey(SigningKey.generate(KeyType.ED25519, random))
                .build();
        SigningKey serverKey = SigningKey.generate(KeyType.P256, random);
        IssuedCertificate server = ca.issue(
                CsrVerifier.verify(
                        CsrBuilder.build(serverKey, Optional.of(serverId)).der().toByteArray()),
                serverId,
                Profile.SERVICE,
                Optional.empty());
        edge = HttpEdge.builder()
                .tls(serverKey, List.of(server.certificate(), ca.chain().get(0)), ACCESS)
                .peerTrust(revocation.peerTrust(() -> bundle))
                .operatorTokens(OperatorTokenValidator.builder()
                        .expectIssuer(ISSUER)
                        .expectAudience(AUDIENCE)
                        .trustJwks(tokens.jwks())
                        .build())
                .port(0)
                .bindJvmMetrics(false)
                .routes(EnrollmentRoutes.of(enrollment))
                .routes(RevocationRoutes.of(revocation))
                .build()
                .start();
        anonymous = client(TlsContexts.client(serverVerifier()));
    }

    @AfterAll
    void closeServer() {
        edge.close();
        revocation.close();
        log.close();
        db.close();
    }

    EnrollmentSettings settings(boolean autoApprove) {
        return new EnrollmentSettings(
                DOMAIN,
                serverId,
                Duration.ofHours(24),
                autoApprove,
                Duration.ofHours(1),
                EnrollmentSettings.POLL_AFTER,
                EnrollmentSettings.REQUEST_LIFETIME,
                0);
    }

    /** Another service over the same database and log, with its own settings and clock. */
    Enrollment enrollment(EnrollmentSettings settings, Clock clock) {
        return Enrollment.builder()
                .database(db)
                .auditLog(log)
                .ca(ca)
                .joinTokenKey(joinTokenKey, ACCESS)
                .trustBundles(() -> bundle)
                .revocation(revocation)
                .settings(settings)
                .clock(clock)
                .random(random)
                .build();
    }

    PeerVerifier serverVerifier() {
        return PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation.state())
                .tier(FreshnessTier.SAFE)
                .role(PeerRole.SERVER)
                .expectId(serverId)
                .build();
    }

    static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String uniqueName(String prefix) {
        return prefix + "-" + names.incrementAndGet() + "-" + Integer.toHexString(random.nextInt(1 << 16));
    }

    String bearer(OperatorScope... scopes) {
        EnumSet<OperatorScope> set =
                scopes.length == 0 ? EnumSet.allOf(OperatorScope.class) : EnumSet.of(scopes[0], scopes);
        return "Bearer " + tokens.issue(operator, set, Duration.ofMinutes(10)).token();
    }

    // --- HTTP ---

    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String code() {
            return json().path("error").path("code").asText("<no code: " + text() + ">");
        }
    }

    Reply get(HttpClient client, String path, String... headers) {
        return send(client, HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Reply post(HttpClient client, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        return send(client, b, headers);
    }

    Reply postEmpty(HttpClient client, String path, String... headers) {
        return send(client, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    Reply send(HttpClient client, HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + edge.port() + path);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- operator steps over HTTP ---

    String createCluster() {
        String name = uniqueName("c");
        Reply r = post(anonymous, "/v1/clusters", "{\"name\":\"" + name + "\"}", "Authorization", bearer());
        assertEquals(201, r.status(), r.text());
        return name;
    }

    JsonNode createToken(String cluster, Long ttlSeconds, Integer maxUses) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ttl_seconds", ttlSeconds);
        body.put("max_uses", maxUses);
        Reply r = post(
                anonymous,
                "/v1/clusters/" + cluster + "/join-tokens",
                body.toString(),
                "Authorization",
                bearer(OperatorScope.ENROLLMENT_WRITE));
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    String token(String cluster) {
        return createToken(cluster, null, null).get("token").asText();
    }

    // --- an agent ---

    static String fingerprint(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    /** A machine that enrolls: its own key, a CSR asking for no name, its facts. */
    final class Agent {
        final SigningKey key = SigningKey.generate(KeyType.P256, random);
        final String hostFingerprint;
        String requestId;
        String pollSecret;
        List<X509Certificate> chain;
        String identity;

        Agent(String hostFingerprint) {
            this.hostFingerprint = hostFingerprint;
        }

        String csr() {
            return Base64.getEncoder()
                    .encodeToString(
                            CsrBuilder.build(key, Optional.empty()).der().toByteArray());
        }

        String joinBody(String token) {
            ObjectNode facts = JSON.createObjectNode();
            facts.put("host_fingerprint", hostFingerprint);
            facts.put("hostname", "host-" + hostFingerprint.substring(7, 15));
            facts.put("os", "linux");
            facts.put("arch", "amd64");
            facts.putNull("agent_version");
            ObjectNode body = JSON.createObjectNode();
            body.put("token", token);
            body.put("csr", csr());
            body.set("facts", facts);
            body.putArray("capabilities").add("gpu").add("storage");
            return body.toString();
        }

        Reply join(String token, String... headers) {
            Reply r = post(anonymous, "/v1/enroll/join-requests", joinBody(token), headers);
            if (r.status() == 202) {
                requestId = r.json().get("request_id").asText();
                pollSecret = r.json().get("poll_secret").asText();
            }
            return r;
        }

        Reply poll() {
            return get(anonymous, "/v1/enroll/join-requests/" + requestId, "Authorization", "Cairn-Poll " + pollSecret);
        }

        Reply approve() {
            return postEmpty(
                    anonymous,
                    "/v1/join-requests/" + requestId + "/approve",
                    "Authorization",
                    bearer(OperatorScope.ENROLLMENT_WRITE));
        }

        /** Polls once approved and keeps the chain. */
        JsonNode fetch() {
            Reply r = poll();
            assertEquals(200, r.status(), r.text());
            JsonNode body = r.json();
            assertEquals("approved", body.get("status").asText(), r.text());
            chain = parse(body.get("certificate_chain").asText());
            identity = body.get("identity").asText();
            return body;
        }

        /** Enrolls end to end with a fresh token of the cluster. */
        Agent enroll(String cluster) {
            assertEquals(202, join(token(cluster)).status());
            assertEquals(200, approve().status());
            fetch();
            return this;
        }

        String nodeId() {
            return identity.substring(identity.lastIndexOf('/') + 1);
        }

        HttpClient client() {
            return EnrollmentFixture.client(context());
        }

        SSLContext context() {
            return TlsContexts.client(key, chain.subList(0, 2), serverVerifier(), ACCESS);
        }

        String heartbeat(String fingerprint, String status, String... capabilities) {
            ObjectNode body = JSON.createObjectNode();
            body.put("host_fingerprint", fingerprint);
            var caps = body.putArray("capabilities");
            for (String c : capabilities) {
                caps.add(c);
            }
            body.put("status", status);
            body.put("bundle_sequence", 1);
            body.put("revocation_sequence", 0);
            return body.toString();
        }
    }

    static List<X509Certificate> parse(String pem) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new AssertionError(e);
        }
    }

    // --- the database and the log ---

    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(table, db.read(c -> {
                try (var s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
        }
        return out;
    }

    long count(String sql, String parameter) {
        return db.read(c -> {
            try (var s = c.prepareStatement(sql)) {
                s.setString(1, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    Statement statement(long seq) {
        return log.statement(seq).statement();
    }

    /** Statements after {@code from} (a head marker count), in order. */
    List<Statement> statementsSince(long from) {
        List<Statement> out = new ArrayList<>();
        for (long seq = from; seq < log.head().markerCount(); seq++) {
            out.add(statement(seq));
        }
        return out;
    }

    ReceiptVerifier receiptVerifier() {
        return ReceiptVerifier.builder()
                .trustedKeys(KeySet.of(logKey.verificationKey()))
                .expectLogId(LOG_ID)
                .expectEpoch(0)
                .build();
    }
}
