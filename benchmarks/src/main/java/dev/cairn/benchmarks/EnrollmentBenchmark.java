package dev.cairn.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.server.enroll.Enrollment;
import dev.cairn.server.enroll.EnrollmentSettings;
import dev.cairn.server.enroll.NewCluster;
import dev.cairn.server.enroll.NewJoinToken;
import dev.cairn.server.enroll.http.EnrollmentRoutes;
import dev.cairn.server.http.HttpEdge;
import dev.cairn.server.pki.JdbcSerialLedger;
import dev.cairn.server.revocation.RevocationSettings;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.DatabaseConfig;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.server.store.audit.AuditLogConfig;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import dev.cairn.trust.token.OperatorTokenIssuer;
import dev.cairn.trust.token.OperatorTokenValidator;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enrollments per second end to end against the reference server's HTTP edge (TLS 1.3 on
 * 127.0.0.1), with automatic approval on, beside the in-memory issuance rate in the same run.
 *
 * <p>One enrollment ({@link #enroll}) is what an agent does: {@code POST /v1/enroll/join-requests}
 * (strict JSON, CSR verification, the token checked by its keyed hash and consumed by a conditional
 * update inside the audited {@code join-request.submit} mutation, then the automatic approval: the
 * CSR verified again, a new node identity, the certificate issued with its serial recorded in the
 * {@code ca_serials} table, and the audited {@code join-request.approve} mutation creating the node
 * and its certificate row), then {@code GET /v1/enroll/join-requests/{id}} with the poll secret,
 * which answers the PEM chain and the trust bundle's JWKS. Each client thread keeps its HTTPS
 * connection open (no handshake per enrollment). Client threads reuse one CSR, so the client's key
 * generation is not measured; the server verifies it every time. Tokens carry 1000 uses; a new one
 * is created (through the service, inside the measurement) when a thread's token runs out.
 *
 * <p>{@link #issueInMemory} is sdk-trust's {@code CertificateAuthority.issue} on a verified CSR with a
 * serial ledger in memory: the ceiling the server's issuance step is compared with.
 *
 * <p>PostgreSQL: set {@code CAIRN_BENCH_PG_URL} (and {@code CAIRN_BENCH_PG_USER}, optionally {@code
 * CAIRN_BENCH_PG_PASSWORD}); without it the {@code POSTGRESQL} trial fails its set-up with a message
 * and JMH goes on with the next.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(8)
public class EnrollmentBenchmark {
    private static final TrustDomain DOMAIN = new TrustDomain("bench.example");
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server under test. */
    @State(Scope.Benchmark)
    public static class Server {
        /** The database engine: {@code H2} (file) or {@code POSTGRESQL}. */
        @Param({"H2", "POSTGRESQL"})
        public String engine;

        final SecureRandom random = new SecureRandom();
        final CairnId operator = CairnId.operator(DOMAIN, "bench");
        Path dir;
        Database db;
        AuditLog log;
        ServerRevocation revocation;
        Enrollment enrollment;
        HttpEdge edge;
        PeerVerifier serverVerifier;
        String cluster;
        String csr;
        final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long cpuAtStart;
        long doneAtStart;

        /** Notes the process CPU time, to report CPU per enrollment whatever else runs on the machine. */
        @Setup(Level.Iteration)
        public void startIteration() {
            cpuAtStart = processCpuNanos();
            doneAtStart = done.get();
        }

        /** Prints the process CPU time (server and clients, one JVM) per enrollment of the iteration. */
        @TearDown(Level.Iteration)
        public void endIteration() {
            long ops = done.get() - doneAtStart;
            if (ops > 0) {
                System.out.printf(
                        "%n[enroll %s] %d enrollments, %.2f ms CPU each (server + clients)%n",
                        engine, ops, (processCpuNanos() - cpuAtStart) / 1e6 / ops);
            }
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** Opens the database, the audit log, the CA, revocation, enrollment and the edge. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            if (engine.equals("POSTGRESQL")) {
                String url = System.getenv("CAIRN_BENCH_PG_URL");
                if (url == null || url.isEmpty()) {
                    throw new IllegalStateException("CAIRN_BENCH_PG_URL is unset: PostgreSQL skipped");
                }
                String password = System.getenv("CAIRN_BENCH_PG_PASSWORD");
                db = Database.open(DatabaseConfig.jdbc(
                                url,
                                Optional.ofNullable(System.getenv("CAIRN_BENCH_PG_USER"))
                                        .orElse("postgres"),
                                password == null ? "" : password)
                        .withPoolSize(16));
                reset();
            } else {
                dir = Files.createTempDirectory("cairn-enroll-bench");
                db = Database.open(DatabaseConfig.h2File(dir).withPoolSize(16));
            }
            log = AuditLog.open(
                    db,
                    AuditLogConfig.builder(
                                    new LogId("bench.example/audit"), SigningKey.generate(KeyType.ED25519, random))
                            .checkpointInterval(Duration.ofSeconds(10))
                            .build());
            SigningKey intermediateKey = SigningKey.generate(KeyType.P256, random);
            CertificateAuthority ca = CertificateAuthority.initialize(
                    DOMAIN,
                    SigningKey.generate(KeyType.P256, random),
                    intermediateKey,
                    Duration.ofDays(30),
                    new JdbcSerialLedger(db.dataSource(), Clock.systemUTC()),
                    random,
                    Clock.systemUTC(),
                    ACCESS);
            TrustBundle bundle = new TrustBundle(
                    DOMAIN,
                    1,
                    Duration.ofMinutes(5),
                    List.of(
                            new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                            new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
            revocation = ServerRevocation.open(
                    db,
                    RevocationSettings.of(
                            DOMAIN,
                            ca.chain().get(0),
                            intermediateKey,
                            ACCESS,
                            Duration.ofHours(1),
                            Clock.systemUTC()));
            CairnId serverId = CairnId.server(DOMAIN);
            enrollment = Enrollment.builder()
                    .database(db)
                    .auditLog(log)
                    .ca(ca)
                    .joinTokenKey(SecretBytes.random(32, random), ACCESS)
                    .trustBundles(() -> bundle)
                    .revocation(revocation)
                    .settings(new EnrollmentSettings(
                            DOMAIN,
                            serverId,
                            Duration.ofHours(24),
                            true,
                            Duration.ofHours(1),
                            EnrollmentSettings.POLL_AFTER,
                            EnrollmentSettings.REQUEST_LIFETIME,
                            0))
                    .random(random)
                    .build();
            SigningKey serverKey = SigningKey.generate(KeyType.P256, random);
            IssuedCertificate server = ca.issue(
                    CsrVerifier.verify(CsrBuilder.build(serverKey, Optional.of(serverId))
                            .der()
                            .toByteArray()),
                    serverId,
                    Profile.SERVICE,
                    Optional.empty());
            edge = HttpEdge.builder()
                    .tls(serverKey, List.of(server.certificate(), ca.chain().get(0)), ACCESS)
                    .peerTrust(revocation.peerTrust(() -> bundle))
                    .operatorTokens(OperatorTokenValidator.builder()
                            .expectIssuer("https://bench.example")
                            .expectAudience("cairn")
                            .trustJwks(OperatorTokenIssuer.builder()
                                    .issuer("https://bench.example")
                                    .audience("cairn")
                                    .signingKey(SigningKey.generate(KeyType.ED25519, random))
                                    .build()
                                    .jwks())
                            .build())
                    .port(0)
                    .bindJvmMetrics(false)
                    .routes(EnrollmentRoutes.of(enrollment))
                    .build()
                    .start();
            serverVerifier = PeerVerifier.builder()
                    .trustBundle(bundle)
                    .revocation(revocation.state())
                    .tier(FreshnessTier.SAFE)
                    .role(PeerRole.SERVER)
                    .expectId(serverId)
                    .build();
            cluster = enrollment
                    .createCluster(operator, new NewCluster("bench-" + Long.toHexString(random.nextLong() >>> 1)))
                    .name();
            SigningKey nodeKey = SigningKey.generate(KeyType.P256, random);
            csr = Base64.getEncoder()
                    .encodeToString(
                            CsrBuilder.build(nodeKey, Optional.empty()).der().toByteArray());
        }

        /** Drops the tables of an earlier run (the benchmark owns the database it is given). */
        private void reset() {
            db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    for (String table : List.of(
                            "enroll_certificates",
                            "enroll_nodes",
                            "enroll_join_requests",
                            "enroll_join_tokens",
                            "enroll_clusters",
                            "revocation_entries",
                            "audit_statements",
                            "audit_markers",
                            "audit_mmr_nodes",
                            "audit_checkpoints",
                            "ca_serials")) {
                        s.executeUpdate("DELETE FROM " + table);
                    }
                    s.executeUpdate("UPDATE audit_head SET log_id = NULL, marker_count = 0, mmr_size = 0,"
                            + " head_hash = NULL, head_time_ms = 0");
                    s.executeUpdate("UPDATE revocation_head SET sequence = -1, chain_size = 0, issued_ms = 0,"
                            + " signed_head = NULL, crl = NULL");
                }
                return null;
            });
        }

        String token() {
            return enrollment
                    .createJoinToken(operator, cluster, new NewJoinToken(null, 1000))
                    .token();
        }

        /** Closes everything. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            if (edge != null) {
                edge.close();
            }
            if (revocation != null) {
                revocation.close();
            }
            if (log != null) {
                log.close();
            }
            if (db != null) {
                db.close();
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** A CA with its serial ledger in memory, and a verified CSR. */
    @State(Scope.Benchmark)
    public static class MemoryIssuer {
        CertificateAuthority ca;
        VerifiedCsr csr;

        /** Creates the CA and verifies one CSR. */
        @Setup(Level.Trial)
        public void open() {
            SecureRandom random = new SecureRandom();
            ca = CertificateAuthority.initialize(
                    DOMAIN,
                    SigningKey.generate(KeyType.P256, random),
                    SigningKey.generate(KeyType.P256, random),
                    Duration.ofDays(30),
                    new MemoryLedger(),
                    random,
                    Clock.systemUTC(),
                    ACCESS);
            csr = CsrVerifier.verify(CsrBuilder.build(SigningKey.generate(KeyType.P256, random), Optional.empty())
                    .der()
                    .toByteArray());
        }
    }

    /** One agent-like client per thread: its own HTTPS connection, kept open. */
    @State(Scope.Thread)
    public static class Client {
        HttpClient http;
        URI join;
        String base;
        String token;
        int uses;

        /**
         * Connects.
         *
         * @param server the server
         */
        @Setup(Level.Trial)
        public void connect(Server server) {
            http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(server.serverVerifier))
                    .sslParameters(TlsContexts.clientParameters())
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            base = "https://127.0.0.1:" + server.edge.port();
            join = URI.create(base + "/v1/enroll/join-requests");
        }

        String body(Server server) {
            if (token == null || uses == 1000) {
                token = server.token();
                uses = 0;
            }
            uses++;
            return "{\"token\":\"" + token + "\",\"csr\":\"" + server.csr + "\",\"facts\":{\"host_fingerprint\":"
                    + "\"sha256:" + "ab".repeat(32) + "\",\"hostname\":\"bench\",\"os\":null,\"arch\":null,"
                    + "\"agent_version\":null},\"capabilities\":[\"bench\"]}";
        }
    }

    /**
     * One enrollment: join (consume, verify, issue, audit twice), then the poll that returns the chain.
     *
     * @param server the server
     * @param client this thread's client
     * @return the PEM chain's length
     * @throws Exception on any failure: a benchmark must not measure errors
     */
    @Benchmark
    public int enroll(Server server, Client client) throws Exception {
        HttpResponse<byte[]> joined = client.http.send(
                HttpRequest.newBuilder(client.join)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(client.body(server)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (joined.statusCode() != 202) {
            throw new IllegalStateException("join: " + joined.statusCode() + " " + new String(joined.body()));
        }
        JsonNode accepted = JSON.readTree(joined.body());
        HttpResponse<byte[]> polled = client.http.send(
                HttpRequest.newBuilder(URI.create(client.base + "/v1/enroll/join-requests/"
                                + accepted.get("request_id").asText()))
                        .header(
                                "Authorization",
                                "Cairn-Poll " + accepted.get("poll_secret").asText())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (polled.statusCode() != 200) {
            throw new IllegalStateException("poll: " + polled.statusCode() + " " + new String(polled.body()));
        }
        server.done.incrementAndGet();
        return polled.body().length;
    }

    /**
     * sdk-trust's issuance in memory on a verified CSR, in the same run.
     *
     * @param issuer the CA in memory
     * @return the serial
     */
    @Benchmark
    public BigInteger issueInMemory(MemoryIssuer issuer) {
        CairnId id = CairnId.node(
                DOMAIN, "bench", "n-" + Long.toHexString(Thread.currentThread().getId()));
        return issuer.ca
                .issue(issuer.csr, id, Profile.NODE_CLIENT, Optional.empty())
                .certificate()
                .getSerialNumber();
    }

    /** Used serials in a set. */
    static final class MemoryLedger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }
}
