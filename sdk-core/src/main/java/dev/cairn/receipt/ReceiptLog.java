package dev.cairn.receipt;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.marker.MarkerStream;
import dev.cairn.marker.ReadOnlyMarkers;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrProofs;
import dev.cairn.mmr.NodeStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A receipt-issuing log: signs statements, appends them durably to a marker stream, integrates
 * their marker hashes into an MMR, signs checkpoints, and assembles full receipts (see {@code
 * spec/receipts.md}).
 *
 * <p>Lifecycle, in Tessera's verbs: {@link #issue} <em>sequences</em> a statement (it returns once
 * the marker is durable) and <em>integrates</em> it into the MMR; {@link #checkpoint} signs the
 * state that a caller then <em>publishes</em> (for example with {@link
 * dev.cairn.checkpoint.CheckpointFile}). The MMR is derived state: on open, markers it lacks are
 * integrated from the stream, so a crash between the durable append and the MMR update loses
 * nothing.
 *
 * <p>Issuing is serialised per log, so a statement's sequence is the sequence of its marker. The
 * log does not keep signed statements; callers keep the {@link IssuedStatement}s they need receipts
 * for. Thread-safe.
 */
public final class ReceiptLog implements AutoCloseable {
    private final LogId logId;
    private final MarkerStream stream;
    private final NodeStore nodes;
    private final Mmr mmr;
    private final CoseSigner statementSigner;
    private final CheckpointSigner checkpointSigner;
    private final CoseReceiptIssuer receiptIssuer;
    private final Clock clock;
    private final MarkerReader markerView;
    private final MmrProofs proofView;

    private ReceiptLog(LogId logId, MarkerStream stream, NodeStore nodes, Mmr mmr, SigningKey key, Clock clock) {
        this.logId = logId;
        this.stream = stream;
        this.nodes = nodes;
        this.mmr = mmr;
        this.statementSigner =
                CoseSigner.builder(key).contentType(Statement.CONTENT_TYPE).build();
        this.checkpointSigner = new CheckpointSigner(key);
        this.receiptIssuer = new CoseReceiptIssuer(key, logId);
        this.clock = clock;
        this.markerView = ReadOnlyMarkers.of(stream);
        this.proofView = LogViews.proofs(mmr);
    }

    /**
     * Opens a log over a stream and the node store of its MMR, integrating any markers the MMR
     * lacks. The log owns both from now on and closes them in {@link #close()}.
     *
     * @param logId the log's id
     * @param stream the durable marker stream
     * @param nodes the node store of the MMR over the stream's marker hashes (empty, or a prefix)
     * @param key the log's signing key
     * @param clock where statement and checkpoint times come from
     * @return the log
     * @throws InternalException {@link ErrorCode#INTERNAL_BUG} if the MMR holds leaves the stream
     *     does not, or a leaf that is not the stream's marker hash
     */
    public static ReceiptLog open(LogId logId, MarkerStream stream, NodeStore nodes, SigningKey key, Clock clock) {
        Objects.requireNonNull(logId, "logId");
        Mmr mmr = Mmr.open(nodes);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        long leaves = mmr.leafCount();
        if (leaves > stream.size()) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG, "MMR has " + leaves + " leaves but the stream " + stream.size(), null);
        }
        if (leaves > 0
                && !mmr.node(MmrMath.leafIndex(leaves - 1))
                        .equals(stream.get(leaves - 1).hash())) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG, "MMR leaf " + (leaves - 1) + " is not the marker hash", null);
        }
        ReceiptLog log = new ReceiptLog(logId, stream, nodes, mmr, key, clock);
        log.integrateDurable();
        return log;
    }

    /**
     * The log's id.
     *
     * @return the id
     */
    public LogId logId() {
        return logId;
    }

    /**
     * Read access to the log's marker stream: what an exporter of audit bundles reads the range from.
     * The view cannot append.
     *
     * @return a read-only view of the durable markers
     */
    public MarkerReader markers() {
        return markerView;
    }

    /**
     * Read access to the log's MMR: accumulators and proofs of inclusion and consistency for sizes up
     * to the integrated size. The view cannot append.
     *
     * @return a read-only view of the MMR
     */
    public MmrProofs proofs() {
        return proofView;
    }

    /**
     * Signs a statement for an action, appends it durably and integrates it into the MMR.
     *
     * @param action what happened
     * @return the signed statement and its marker
     * @throws InternalException {@link ErrorCode#MARKER_APPEND_TIMEOUT} if the append was not durable in
     *     time; if it becomes durable later, the next {@code issue} or {@code checkpoint} integrates it
     */
    public synchronized IssuedStatement issue(Action action) {
        integrateDurable();
        long sequence = stream.size();
        Statement statement = new Statement(
                logId,
                action.kind(),
                action.actor(),
                action.subject(),
                action.epoch(),
                sequence,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                action.policyHash(),
                action.requestHash(),
                action.outcome());
        Bytes signed = Bytes.copyOf(
                statementSigner.sign(Cbor.encode(statement.toCbor())).encode());
        Marker marker = stream.append(statement.kind(), FullReceipt.statementDigest(signed));
        if (marker.seq() != sequence) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG,
                    "marker " + marker.seq() + " appended for statement " + sequence + ": another writer?",
                    null);
        }
        mmr.append(marker.hash());
        return new IssuedStatement(signed, statement, marker);
    }

    /**
     * Signs a checkpoint of everything integrated so far. The MMR is forced to storage first.
     *
     * @param epoch the control epoch to state
     * @return the checkpoint and its signed bytes
     */
    public synchronized SignedCheckpoint checkpoint(long epoch) {
        integrateDurable();
        mmr.sync();
        Checkpoint checkpoint =
                new Checkpoint(logId, mmr.accumulator(), epoch, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new SignedCheckpoint(checkpoint, Bytes.copyOf(checkpointSigner.sign(checkpoint)));
    }

    /**
     * Assembles the full receipt of an issued statement under a checkpoint that covers it.
     *
     * @param issued the statement, as {@link #issue} returned it
     * @param checkpoint a checkpoint of this log whose size includes the statement's marker
     * @return the full receipt
     * @throws IllegalArgumentException if the checkpoint does not cover the statement
     */
    public FullReceipt receipt(IssuedStatement issued, SignedCheckpoint checkpoint) {
        long index = MmrMath.leafIndex(issued.marker().seq());
        if (index >= checkpoint.checkpoint().size()) {
            throw new IllegalArgumentException(
                    "checkpoint of size " + checkpoint.checkpoint().size() + " does not cover marker "
                            + issued.marker().seq());
        }
        return new FullReceipt(
                issued.signed(),
                issued.marker(),
                mmr.inclusionProof(index, checkpoint.checkpoint().size()),
                checkpoint.signed());
    }

    /**
     * Signs the COSE Receipt of inclusion of an issued statement's marker, against a checkpoint that
     * covers it: the form other implementations of the MMR profile verify.
     *
     * @param issued the statement, as {@link #issue} returned it
     * @param checkpoint a checkpoint of this log whose size includes the statement's marker
     * @return the tagged COSE_Sign1, payload detached (the peak above the marker's leaf)
     * @throws IllegalArgumentException if the checkpoint does not cover the statement
     */
    public Bytes inclusionReceipt(IssuedStatement issued, SignedCheckpoint checkpoint) {
        FullReceipt full = receipt(issued, checkpoint);
        return receiptIssuer.inclusion(
                full.proof(), issued.marker().hash(), checkpoint.checkpoint().accumulator());
    }

    /**
     * Signs the COSE Receipt of consistency between two checkpoints of this log.
     *
     * @param from the earlier checkpoint
     * @param to a later checkpoint, of larger size
     * @return the tagged COSE_Sign1, payload detached (the later accumulator)
     * @throws IllegalArgumentException if {@code to} is not larger than {@code from}
     */
    public Bytes consistencyReceipt(SignedCheckpoint from, SignedCheckpoint to) {
        Accumulator earlier = from.checkpoint().accumulator();
        Accumulator later = to.checkpoint().accumulator();
        if (later.size() <= earlier.size()) {
            throw new IllegalArgumentException(
                    "consistency needs a larger later size: " + earlier.size() + " -> " + later.size());
        }
        return receiptIssuer.consistency(mmr.consistencyProof(earlier.size(), later.size()), earlier, later);
    }

    /**
     * Integrates the durable markers the MMR lacks: on open (a crash between the durable append and
     * the MMR update), and after an append that timed out but became durable afterwards.
     */
    private void integrateDurable() {
        for (long seq = mmr.leafCount(); seq < stream.size(); seq++) {
            mmr.append(stream.get(seq).hash());
        }
    }

    /** Syncs and closes the MMR's node store and the marker stream. */
    @Override
    public synchronized void close() {
        try {
            mmr.sync();
            nodes.close();
        } finally {
            stream.close();
        }
    }
}
