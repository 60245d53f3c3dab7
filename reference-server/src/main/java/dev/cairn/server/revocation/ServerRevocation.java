package dev.cairn.server.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.server.http.PeerTrust;
import dev.cairn.server.store.Database;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationCrlSigner;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationPublisher;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.revocation.RevocationState;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's revocation chain, its published heads and CRLs, and the relying-party state the HTTP
 * edge checks every peer against ({@code spec/enrollment.md} section 6, {@code spec/revocation.md}).
 *
 * <p>Lifecycle: {@link #append} <em>sequences</em> entries in the caller's transaction (the audited
 * {@code node.revoke} mutation, which holds the audit log's head lock, so replicas on one PostgreSQL
 * database append one dense chain: the tail is read from the table, never from memory); once that
 * transaction committed, {@link #publish()} catches the in-memory chain up from the table,
 * <em>publishes</em> the next head and CRL with {@link RevocationPublisher}, claims the head's
 * sequence in the database with a conditional update, and only then hands the head to {@link
 * #state()} and serves it. {@link #start()} re-publishes every {@link
 * RevocationSettings#publishInterval()} and adopts heads other replicas published.
 *
 * <p>Guarantees: no two heads carry one sequence (the claim is one conditional update of one row);
 * heads never go back in sequence or chain size; a head is served only once its sequence is
 * durable; an entry in the table is in every later head. Not guaranteed: that a head reaches {@link
 * #state()} at the moment its revocation commits, if {@link #publish()} fails; the next periodic
 * publication includes it, and the enrollment service refuses a revoked node from its own record in
 * the meantime. Thread-safe.
 */
public final class ServerRevocation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRevocation.class);
    private static final int CLAIM_ATTEMPTS = 8;
    private static final RevocationJournal REFUSE = entry -> {
        throw new IllegalStateException("the server's chain is appended in the database, never in memory");
    };

    private final Database db;
    private final RevocationSettings settings;
    private final RevocationHeadSigner headSigner;
    private final RevocationCrlSigner crlSigner;
    private final RevocationState state;
    private final Object lock = new Object();
    private final List<RevocationEntry> cache = new ArrayList<>();
    private RevocationChain chain;
    private volatile PublishedHead current;
    private ScheduledExecutorService schedule;

    private ServerRevocation(Database db, RevocationSettings settings) {
        this.db = db;
        this.settings = settings;
        this.headSigner = new RevocationHeadSigner(settings.issuerKey());
        this.crlSigner = RevocationCrlSigner.of(settings.issuer(), settings.issuerKey(), settings.access());
        this.state = RevocationState.builder(
                        settings.trustDomain(), KeySet.of(settings.issuerKey().verificationKey()))
                .clock(settings.clock())
                .build();
        this.chain = RevocationChain.rebuild(List.of(), settings.clock(), REFUSE);
    }

    /**
     * Opens the revocation of a migrated database: rebuilds the chain from its table, adopts the
     * newest persisted head, and publishes a new one if none is fresh. The schedule is not started.
     *
     * @param db the server's database
     * @param settings the signer and intervals
     * @return the open revocation
     * @throws CairnException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} when the table is not a chain, or
     *     a storage code
     */
    public static ServerRevocation open(Database db, RevocationSettings settings) {
        ServerRevocation revocation =
                new ServerRevocation(Objects.requireNonNull(db, "db"), Objects.requireNonNull(settings, "settings"));
        revocation.sync();
        return revocation;
    }

    /**
     * Starts re-publishing: every second the newest persisted head is adopted, and a head is published
     * when the newest one is older than the publish interval.
     *
     * @return this
     */
    public synchronized ServerRevocation start() {
        if (schedule == null) {
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cairn-revocation-publisher");
                t.setDaemon(true);
                return t;
            });
            long every = Math.min(1000, settings.publishInterval().toMillis());
            schedule.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void tick() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warn("revocation head publication failed; retrying at the next tick", e);
        }
    }

    /**
     * The relying-party state that follows every head this server publishes or adopts: what the HTTP
     * edge checks peers against.
     *
     * @return the state, one instance for this object's life
     */
    public RevocationState state() {
        return state;
    }

    /**
     * The edge's trust state: the given bundle source and this revocation state.
     *
     * @param bundles the current trust bundle, read on every request
     * @return the peer trust for {@code HttpEdge.Builder#peerTrust}
     */
    public PeerTrust peerTrust(Supplier<TrustBundle> bundles) {
        return PeerTrust.of(bundles, state);
    }

    /**
     * Appends entries for serials in the caller's transaction, after the table's tail. To be called
     * inside an audited mutation (the audit log's head lock serialises appenders across replicas);
     * serials already revoked are skipped. Call {@link #publish()} after the transaction committed.
     *
     * @param c the transaction
     * @param serials the serials to revoke
     * @param reason why
     * @param time the revocation time (raised to the tail's time if earlier)
     * @param auditSeq the sequence of the audit statement recording the revocation
     * @return the entries appended
     * @throws SQLException if the SQL fails
     */
    public List<RevocationEntry> append(
            Connection c, List<BigInteger> serials, RevocationReason reason, Instant time, long auditSeq)
            throws SQLException {
        Optional<RevocationEntry> tail = RevocationTable.tail(c);
        long next = tail.map(e -> e.index() + 1).orElse(0L);
        long millis = Math.max(
                Math.max(0, time.toEpochMilli()),
                tail.map(e -> e.revokedAt().toEpochMilli()).orElse(0L));
        List<RevocationEntry> appended = new ArrayList<>();
        for (BigInteger serial : serials) {
            if (RevocationTable.contains(c, serial)) {
                continue;
            }
            RevocationEntry entry = new RevocationEntry(next++, serial, reason, Instant.ofEpochMilli(millis));
            RevocationTable.insert(c, entry, auditSeq);
            appended.add(entry);
        }
        return appended;
    }

    /**
     * Publishes the next head and CRL of the committed chain, persists its sequence, then serves it.
     *
     * @return the head published
     * @throws CairnException a storage code, or {@link ErrorCode#STORE_TRANSACTION_FAILED} when other
     *     publishers won every claim
     */
    public PublishedHead publish() {
        synchronized (lock) {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                RevocationTable.HeadRow row = db.read(RevocationTable::head);
                catchUp();
                row.head().ifPresent(this::adopt);
                RevocationPublisher.Publication p = RevocationPublisher.create(
                                settings.trustDomain(),
                                chain,
                                headSigner,
                                crlSigner,
                                settings.clock(),
                                settings.headValidity(),
                                row.sequence())
                        .publish();
                PublishedHead head = new PublishedHead(
                        p.head().sequence(),
                        p.head().size(),
                        p.head().issuedAt(),
                        p.signedHead(),
                        p.crl().der());
                if (db.inTransaction(c -> RevocationTable.claim(c, row.sequence(), head))) {
                    adopt(head);
                    return head;
                }
            }
            throw new InternalException(
                    ErrorCode.STORE_TRANSACTION_FAILED,
                    "other publishers claimed " + CLAIM_ATTEMPTS + " revocation head sequences in a row",
                    null);
        }
    }

    /**
     * Adopts the newest persisted head (another replica's, or one of this replica's past life), then
     * publishes if no head is younger than the publish interval.
     */
    public void sync() {
        synchronized (lock) {
            RevocationTable.HeadRow row = db.read(RevocationTable::head);
            catchUp();
            row.head().ifPresent(this::adopt);
            PublishedHead held = current;
            Duration age = held == null
                    ? null
                    : Duration.ofMillis(
                            settings.clock().millis() - held.issuedAt().toEpochMilli());
            if (held == null || age.compareTo(settings.publishInterval()) >= 0 || age.isNegative()) {
                publish();
            }
        }
    }

    /**
     * The newest head served.
     *
     * @return the head, or empty before the first publication
     */
    public Optional<PublishedHead> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Entries of the committed chain, after catching up with the table.
     *
     * @param from the first index
     * @param to the end index, exclusive; at most the chain's size
     * @return the entries
     * @throws IllegalArgumentException outside the chain
     */
    public List<RevocationEntry> entries(long from, long to) {
        synchronized (lock) {
            catchUp();
            return chain.entries(from, to);
        }
    }

    /**
     * The number of committed entries, after catching up with the table.
     *
     * @return the chain's size
     */
    public long size() {
        synchronized (lock) {
            catchUp();
            return chain.size();
        }
    }

    /** Reads entries the cache lacks and rebuilds the chain over all of them. */
    private void catchUp() {
        List<RevocationEntry> more = db.read(c -> RevocationTable.from(c, cache.size()));
        if (!more.isEmpty()) {
            List<RevocationEntry> all = new ArrayList<>(cache);
            all.addAll(more);
            chain = RevocationChain.rebuild(all, settings.clock(), REFUSE);
            cache.addAll(more);
        }
    }

    /** Hands a persisted head to the state, with the entries it adds, unless an equal or newer one is held. */
    private void adopt(PublishedHead head) {
        PublishedHead held = current;
        if (held != null && held.sequence() >= head.sequence()) {
            return;
        }
        long from = state.position().size();
        if (head.chainSize() > cache.size()) {
            throw new InternalException(
                    ErrorCode.STORE_INCONSISTENT,
                    "revocation head " + head.sequence() + " commits to " + head.chainSize()
                            + " entries, the table has " + cache.size(),
                    null);
        }
        state.update(head.signedHead().toByteArray(), List.copyOf(cache.subList((int) from, (int) head.chainSize())));
        current = head;
    }

    /**
     * The signed head bytes served at {@code GET /v1/trust/revocation/head}.
     *
     * @return the head
     * @throws VerificationException {@link ErrorCode#REVOCATION_HEAD_STALE} before the first publication
     */
    Bytes signedHead() {
        return require().signedHead();
    }

    PublishedHead require() {
        PublishedHead head = current;
        if (head == null) {
            throw new VerificationException(ErrorCode.REVOCATION_HEAD_STALE, "no revocation head published yet");
        }
        return head;
    }

    /** Stops the schedule. The database stays the caller's. Idempotent. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }
}
