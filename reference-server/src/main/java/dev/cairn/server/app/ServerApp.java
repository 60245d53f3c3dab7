package dev.cairn.server.app;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.server.enroll.Enrollment;
import dev.cairn.server.enroll.EnrollmentSettings;
import dev.cairn.server.enroll.http.EnrollmentRoutes;
import dev.cairn.server.http.CheckResult;
import dev.cairn.server.http.HttpEdge;
import dev.cairn.server.http.Limits;
import dev.cairn.server.http.ReadinessCheck;
import dev.cairn.server.pki.JdbcSerialLedger;
import dev.cairn.server.pki.ServerIdentities;
import dev.cairn.server.pki.ServerPki;
import dev.cairn.server.revocation.RevocationRoutes;
import dev.cairn.server.revocation.RevocationSettings;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.DatabaseConfig;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.server.store.audit.AuditLogConfig;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reference server assembled from a validated configuration ({@code spec/server.md}): the data
 * directory, the database (H2 file or PostgreSQL, migrated), the PKI (initialised on first start),
 * the audit log with group commit and scheduled checkpoints, the revocation chain and its published
 * heads, enrollment, and the TLS edge with every route group and the readiness checks. {@link
 * #close()} stops everything in the reverse order.
 */
public final class ServerApp implements AutoCloseable {
    private final ServerConfig config;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Database db;
    private ServerPki pki;
    private AuditLog log;
    private ServerRevocation revocation;
    private Enrollment enrollment;
    private OperatorAuth auth;
    private ServerTrustBundle bundle;
    private AuditExport export;
    private OwnCertificateRenewal ownCertificates;
    private HttpEdge edge;

    private ServerApp(ServerConfig config) {
        this.config = config;
    }

    /**
     * Starts the server: returns once the listener accepts connections.
     *
     * @param config the configuration
     * @param clock what "now" is
     * @param notices where start-up notices go (never a secret)
     * @return the running server
     * @throws dev.cairn.errors.CairnException what stopped start-up; everything opened so far is closed
     */
    public static ServerApp start(ServerConfig config, Clock clock, PrintStream notices) {
        Objects.requireNonNull(config, "config");
        ServerApp app = new ServerApp(config);
        try {
            app.open(clock, notices);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void open(Clock clock, PrintStream notices) {
        SecureRandom random = new SecureRandom();
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        ServerPki.prepareDataDir(config);
        db = opened(Database.open(databaseConfig(config)));
        pki = ServerPki.open(config, new JdbcSerialLedger(db.dataSource(), clock), random, clock, notices);
        bundle = ServerTrustBundle.of(pki);
        log = opened(AuditLog.open(
                db,
                AuditLogConfig.builder(ServerIdentities.log(pki.trustDomain()), pki.logKey())
                        .clock(clock)
                        .batchSize(config.audit().groupCommit())
                        .checkpointInterval(config.audit().checkpointInterval())
                        .build()));
        revocation = opened(ServerRevocation.open(
                        db,
                        RevocationSettings.of(
                                pki.trustDomain(),
                                pki.ca().chain().get(0),
                                pki.caKey(),
                                access,
                                config.revocationHeadValidity(),
                                clock))
                .start());
        enrollment = Enrollment.builder()
                .database(db)
                .auditLog(log)
                .ca(pki.ca())
                .joinTokenKey(pki.joinTokenKey(), access)
                .trustBundles(bundle::bundle)
                .revocation(revocation)
                .settings(EnrollmentSettings.from(config))
                .clock(clock)
                .random(random)
                .build();
        auth = new OperatorAuth(pki, config.operatorTokenTtl(), clock);
        export = new AuditExport(log, pki, revocation);
        List<dev.cairn.server.http.Route> routes = new ArrayList<>();
        routes.addAll(new TrustRoutes(() -> bundle).routes());
        routes.addAll(auth.routes());
        routes.addAll(new AuditRoutes(log, export).routes());
        routes.addAll(RevocationRoutes.of(revocation));
        routes.addAll(EnrollmentRoutes.of(enrollment));
        ownCertificates = opened(new OwnCertificateRenewal(pki, random, clock, notices).start());
        edge = opened(HttpEdge.builder()
                .tls(pki.tlsKey(), pki::tlsChain, access)
                .peerTrust(revocation.peerTrust(() -> bundle.bundle()))
                .operatorTokens(auth.validator())
                .limits(Limits.defaults().withMaxBodyBytes(config.maxBodyBytes()))
                .clock(clock)
                .host(config.listen().host())
                .port(config.listen().port())
                .apiInfo("Cairn reference server", "1")
                .readiness(readinessChecks(clock).toArray(ReadinessCheck[]::new))
                .routes(routes)
                .build()
                .start());
    }

    private List<ReadinessCheck> readinessChecks(Clock clock) {
        return List.of(
                ReadinessCheck.of("database", () -> {
                    db.read(c -> {
                        try (var statement = c.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        return null;
                    });
                    return CheckResult.ok(db.engine().name().toLowerCase(java.util.Locale.ROOT));
                }),
                ReadinessCheck.of("migrations", () -> Migrations.check(db)),
                ReadinessCheck.of("keys", () -> Keys.check(pki, clock.instant())),
                ReadinessCheck.of("log", () -> LogConsistency.check(log)),
                ReadinessCheck.of(
                        "revocation",
                        () -> revocation.current().isPresent()
                                ? CheckResult.ok(
                                        "head " + revocation.current().get().sequence())
                                : CheckResult.failed(
                                        ErrorCode.REVOCATION_HEAD_STALE, "no revocation head published yet")));
    }

    /**
     * The database configuration a server configuration names.
     *
     * @param config the configuration
     * @return H2 in file mode under {@code data_dir/db}, or the PostgreSQL URL given
     */
    public static DatabaseConfig databaseConfig(ServerConfig config) {
        ServerConfig.Database d = config.database();
        DatabaseConfig db = d.embedded()
                ? DatabaseConfig.h2File(config.dataDir().resolve("db"))
                : DatabaseConfig.jdbc(d.url(), d.user(), d.password().orElse(""));
        return db.withPoolSize(d.poolSize());
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.add(resource);
        return resource;
    }

    /**
     * The port the listener is bound to (useful with port 0).
     *
     * @return the port
     */
    public int port() {
        return edge.port();
    }

    /**
     * The database.
     *
     * @return the database
     */
    public Database database() {
        return db;
    }

    /**
     * The PKI: its root fingerprint is what agents are given.
     *
     * @return the PKI
     */
    public ServerPki pki() {
        return pki;
    }

    /**
     * The audit log.
     *
     * @return the log
     */
    public AuditLog auditLog() {
        return log;
    }

    /**
     * The enrollment service.
     *
     * @return the service
     */
    public Enrollment enrollment() {
        return enrollment;
    }

    /**
     * The revocation chain and its published heads.
     *
     * @return the revocation service
     */
    public ServerRevocation revocation() {
        return revocation;
    }

    /**
     * The audit bundle exporter with the trust material an auditor needs.
     *
     * @return the exporter
     */
    public AuditExport auditExport() {
        return export;
    }

    /**
     * The edge.
     *
     * @return the HTTP edge
     */
    public HttpEdge edge() {
        return edge;
    }

    /** The schedule that renews the server's own certificates while it runs. */
    OwnCertificateRenewal ownCertificates() {
        return ownCertificates;
    }

    /**
     * The configuration it runs with.
     *
     * @return the configuration
     */
    public ServerConfig config() {
        return config;
    }

    /** Stops the listener, then the services, then the database; idempotent. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }
}
