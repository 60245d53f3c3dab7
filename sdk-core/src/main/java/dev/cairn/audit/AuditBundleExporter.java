package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrProofs;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Exports a range of a log as an audit bundle ({@code spec/audit-bundle.md}): reads the markers from
 * the log's stream, makes the proofs from its MMR, and streams header, entries and trailer through
 * an {@link AuditBundleWriter}, a page of markers at a time.
 *
 * <p>The exporter checks what it asserts before writing it: the checkpoints are of this log's MMR
 * (their accumulators are the MMR's at their sizes), every proof verifies, and each statement's
 * digest is its marker's payload digest. The log keeps no statements ({@link ReceiptLog} stores their
 * digests only), so the caller supplies them; a marker without one is exported as a marker entry.
 * Thread-safe if the log is.
 */
public final class AuditBundleExporter {
    private static final int PAGE = 4096;

    private final LogId logId;
    private final MarkerReader markers;
    private final MmrProofs proofs;
    private final SignedCheckpoint checkpoint;
    private final List<SignedCheckpoint> older;
    private final List<VerificationKey> logKeys;
    private final List<TrustMaterial> trustMaterial;
    private final LongFunction<Optional<Bytes>> statements;

    private AuditBundleExporter(Builder b) {
        this.logId = b.logId;
        this.markers = b.markers;
        this.proofs = b.proofs;
        this.checkpoint = Objects.requireNonNull(b.checkpoint, "checkpoint is required");
        this.older = List.copyOf(b.older);
        this.logKeys = List.copyOf(b.logKeys);
        List<TrustMaterial> material = new ArrayList<>(b.trustMaterial);
        material.addAll(b.chains);
        material.addAll(b.revocation);
        this.trustMaterial = List.copyOf(material);
        this.statements = b.statements;
        if (logKeys.isEmpty()) {
            throw new IllegalStateException("logKeys is required");
        }
    }

    /**
     * Starts an exporter over a stream and the MMR of its marker hashes.
     *
     * @param logId the log's id
     * @param markers the log's marker stream
     * @param proofs the MMR over the stream's marker hashes
     * @return a builder; the covering checkpoint and the log keys are required
     */
    public static Builder builder(LogId logId, MarkerReader markers, MmrProofs proofs) {
        return new Builder(logId, markers, proofs);
    }

    /**
     * Starts an exporter over a receipt log.
     *
     * @param log the log
     * @return a builder; the covering checkpoint and the log keys are required
     */
    public static Builder builder(ReceiptLog log) {
        return new Builder(log.logId(), log.markers(), log.proofs());
    }

    /**
     * Builds the header of a range, with its proofs.
     *
     * @param first the first sequence of the range
     * @param count the number of markers, at least 1
     * @return the header
     * @throws IllegalArgumentException if the range is not covered by the checkpoint, or a checkpoint is
     *     not one of this log's MMR
     */
    public AuditBundleHeader header(long first, long count) {
        Checkpoint covering = checkpoint.checkpoint();
        Accumulator target = checkOfThisLog(covering);
        if (first < 0 || count < 1 || first + count > target.leafCount() || first + count > markers.size()) {
            throw new IllegalArgumentException("range " + first + " + " + count
                    + " is not covered by the checkpoint of " + target.leafCount() + " leaves");
        }
        Accumulator start = proofs.accumulator(MmrMath.sizeForLeafCount(first));
        Optional<ConsistencyProof> startProof = Optional.empty();
        Optional<RangeAnchor> anchor = Optional.empty();
        if (first > 0) {
            startProof = Optional.of(proven(start, target));
            Marker before = markers.get(first - 1);
            InclusionProof path = proofs.inclusionProof(MmrMath.leafIndex(first - 1), start.size());
            MmrVerifier.verifyInclusion(path, before.hash(), start);
            anchor = Optional.of(new RangeAnchor(before, path.path()));
        }
        long endSize = MmrMath.sizeForLeafCount(first + count);
        Optional<ConsistencyProof> endProof =
                endSize < target.size() ? Optional.of(proven(proofs.accumulator(endSize), target)) : Optional.empty();
        return new AuditBundleHeader(
                logId,
                first,
                count,
                logKeys,
                trustMaterial,
                checkpoint.signed(),
                start,
                startProof,
                anchor,
                endProof,
                links());
    }

    /**
     * Exports a range.
     *
     * @param out where the bundle goes; flushed, not closed
     * @param first the first sequence of the range
     * @param count the number of markers, at least 1
     * @return the trailer written
     * @throws IllegalArgumentException as {@link #header(long, long)}, or if a supplied statement's
     *     digest is not its marker's payload digest
     * @throws dev.cairn.errors.InternalException {@code INTERNAL_IO} if writing fails
     */
    public AuditBundleTrailer export(OutputStream out, long first, long count) {
        AuditBundleWriter writer = AuditBundleWriter.start(out, header(first, count));
        for (long from = first; from < first + count; from += PAGE) {
            for (Marker marker : markers.range(from, Math.min(from + PAGE, first + count))) {
                Optional<Bytes> statement = statements.apply(marker.seq());
                writer.write(new AuditBundleEntry(marker, statement));
            }
        }
        return writer.finish();
    }

    private Accumulator checkOfThisLog(Checkpoint c) {
        if (!c.logId().equals(logId)) {
            throw new IllegalArgumentException("checkpoint of log " + c.logId() + ", not " + logId);
        }
        if (c.size() > proofs.size() || !proofs.accumulator(c.size()).equals(c.accumulator())) {
            throw new IllegalArgumentException("checkpoint of size " + c.size() + " is not of this log's MMR");
        }
        return c.accumulator();
    }

    private ConsistencyProof proven(Accumulator from, Accumulator to) {
        ConsistencyProof proof = proofs.consistencyProof(from.size(), to.size());
        MmrVerifier.verifyConsistency(proof, from, to);
        return proof;
    }

    private List<CheckpointLink> links() {
        List<CheckpointLink> links = new ArrayList<>(older.size());
        for (int k = 0; k < older.size(); k++) {
            Checkpoint c = older.get(k).checkpoint();
            Checkpoint next = k + 1 < older.size() ? older.get(k + 1).checkpoint() : checkpoint.checkpoint();
            Accumulator from = checkOfThisLog(c);
            if (c.size() > next.size() || c.time().isAfter(next.time())) {
                throw new IllegalArgumentException(
                        "older checkpoints go oldest first, each no larger or later than the next");
            }
            Optional<ConsistencyProof> proof =
                    c.size() < next.size() ? Optional.of(proven(from, next.accumulator())) : Optional.empty();
            links.add(new CheckpointLink(older.get(k).signed(), proof));
        }
        return links;
    }

    /** Sets what the bundles hold besides the range. */
    public static final class Builder {
        private final LogId logId;
        private final MarkerReader markers;
        private final MmrProofs proofs;
        private SignedCheckpoint checkpoint;
        private List<SignedCheckpoint> older = List.of();
        private List<VerificationKey> logKeys = List.of();
        private List<TrustMaterial> trustMaterial = List.of();
        private final List<TrustMaterial> chains = new ArrayList<>();
        private List<TrustMaterial> revocation = List.of();
        private LongFunction<Optional<Bytes>> statements = seq -> Optional.empty();

        private Builder(LogId logId, MarkerReader markers, MmrProofs proofs) {
            this.logId = Objects.requireNonNull(logId, "logId");
            this.markers = Objects.requireNonNull(markers, "markers");
            this.proofs = Objects.requireNonNull(proofs, "proofs");
        }

        /**
         * The signed checkpoint the range is proven against. Required; it must cover the range.
         *
         * @param checkpoint a checkpoint of this log
         * @return this builder
         */
        public Builder checkpoint(SignedCheckpoint checkpoint) {
            this.checkpoint = Objects.requireNonNull(checkpoint);
            return this;
        }

        /**
         * Older checkpoints to chain to the covering one, oldest first; none by default.
         *
         * @param checkpoints checkpoints of this log, each no larger or later than the next
         * @return this builder
         */
        public Builder olderCheckpoints(List<SignedCheckpoint> checkpoints) {
            this.older = List.copyOf(checkpoints);
            return this;
        }

        /**
         * The log's verification keys, to carry in the header. Required: at least one.
         *
         * @param keys the keys that sign the log's checkpoints and statements
         * @return this builder
         */
        public Builder logKeys(List<VerificationKey> keys) {
            this.logKeys = List.copyOf(keys);
            return this;
        }

        /**
         * Extra trust material to carry, first in the header; none by default. Replaces an earlier call's.
         *
         * @param material the entries
         * @return this builder
         */
        public Builder trustMaterial(List<TrustMaterial> material) {
            this.trustMaterial = List.copyOf(material);
            return this;
        }

        /**
         * Carries the certificate chain of a log key, for auditors who hold only the trust domain's trust
         * bundle ({@link AuditBundleFormat#LOG_KEY_CERTIFICATE_CHAIN}); repeatable, one chain per call, in
         * the header after {@link #trustMaterial}'s entries. The verifier checks the chain; the exporter
         * only carries it.
         *
         * @param certificates the DER certificates, leaf first; the leaf's key must be one of {@link
         *     #logKeys}
         * @return this builder
         * @throws IllegalArgumentException as {@link TrustMaterial#logKeyCertificateChain}
         */
        public Builder logKeyCertificateChain(List<Bytes> certificates) {
            chains.add(TrustMaterial.logKeyCertificateChain(certificates));
            return this;
        }

        /**
         * Carries the trust domain's newest signed revocation head and its whole chain of entries, which
         * the verifier checks the log keys' certificates against ({@link
         * AuditBundleFormat#REVOCATION_HEAD}, {@link AuditBundleFormat#REVOCATION_ENTRIES}); they go last
         * in the header. Replaces an earlier call's.
         *
         * @param signedHead the signed head ({@code spec/revocation.md}, section 3)
         * @param entries the chain from index 0 to the head's size as consecutive {@code
         *     revocation-entries} arrays (sdk-trust's {@code RevocationEntries.encode}), each of at most
         *     4096 entries; empty for a head of size 0
         * @return this builder
         */
        public Builder revocation(Bytes signedHead, List<Bytes> entries) {
            List<TrustMaterial> material = new ArrayList<>();
            material.add(TrustMaterial.revocationHead(signedHead));
            entries.forEach(e -> material.add(TrustMaterial.revocationEntries(e)));
            this.revocation = List.copyOf(material);
            return this;
        }

        /**
         * Where the signed statements come from; by default there are none and every marker is
         * exported as a marker entry.
         *
         * @param statements the encoded COSE_Sign1 statement of a sequence, or empty for none
         * @return this builder
         */
        public Builder statements(LongFunction<Optional<Bytes>> statements) {
            this.statements = Objects.requireNonNull(statements);
            return this;
        }

        /**
         * The signed statements as {@link ReceiptLog#issue} returned them; markers of other sequences
         * are exported as marker entries.
         *
         * @param issued the issued statements
         * @return this builder
         */
        public Builder statements(Collection<IssuedStatement> issued) {
            Map<Long, Bytes> bySeq = new HashMap<>();
            issued.forEach(s -> bySeq.put(s.marker().seq(), s.signed()));
            return statements(seq -> Optional.ofNullable(bySeq.get(seq)));
        }

        /**
         * Builds the exporter.
         *
         * @return the exporter
         * @throws IllegalStateException if the checkpoint or the log keys are missing
         */
        public AuditBundleExporter build() {
            if (checkpoint == null) {
                throw new IllegalStateException("checkpoint is required");
            }
            return new AuditBundleExporter(this);
        }
    }
}
