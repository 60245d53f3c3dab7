package dev.cairn.server.store.audit;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.CoseReceiptIssuer;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.marker.MarkerTable;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The audit log's reads, all from the committed tables: statements, receipts under the newest
 * checkpoint, COSE Receipts, and audit bundles. Thread-safe.
 */
final class LogReader {
    private static final int STATEMENT_PAGE = 4096;

    private final Database db;
    private final LogId logId;
    private final MarkerReader markers;
    private final StoredProofs proofs;
    private final CoseReceiptIssuer issuer;
    private final List<VerificationKey> logKeys;

    /** A receipt and the checkpoint it was made under. */
    record Covered(FullReceipt receipt, SignedCheckpoint checkpoint) {}

    LogReader(Database db, AuditLogConfig config, MarkerReader markers, StoredProofs proofs) {
        this.db = db;
        this.logId = config.logId();
        this.markers = markers;
        this.proofs = proofs;
        this.issuer = new CoseReceiptIssuer(config.key(), config.logId());
        this.logKeys = config.logKeys();
    }

    IssuedStatement issued(long seq) {
        return db.read(c -> issued(c, seq));
    }

    private static IssuedStatement issued(Connection c, long seq) throws SQLException {
        Marker marker = MarkerTable.get(c, seq)
                .orElseThrow(() ->
                        VerificationException.mismatch(ErrorCode.MARKER_NOT_FOUND, "a sequence in the log", "" + seq));
        Bytes signed = StatementTable.get(c, seq)
                .orElseThrow(() -> new VerificationException(
                        ErrorCode.STORE_NOT_FOUND, "marker " + seq + " carries no statement of this log"));
        return new IssuedStatement(signed, decode(seq, signed), marker);
    }

    private static Statement decode(long seq, Bytes signed) {
        try {
            Bytes payload = CoseSign1.decode(signed.toByteArray(), CborLimits.DEFAULT)
                    .payload()
                    .orElseThrow(() -> new IllegalArgumentException("no payload"));
            return Statement.fromCbor((CborMap) Cbor.decode(payload.toByteArray()));
        } catch (CairnException | IllegalArgumentException | ClassCastException e) {
            throw new InternalException(ErrorCode.STORE_INCONSISTENT, "statement " + seq + " does not decode", e);
        }
    }

    Optional<SignedCheckpoint> latestCheckpoint() {
        return db.read(c -> CheckpointTable.latest(c).map(CheckpointTable.Row::signed));
    }

    Optional<SignedCheckpoint> checkpointOfSize(long mmrSize) {
        return db.read(c -> CheckpointTable.ofSize(c, mmrSize).map(CheckpointTable.Row::signed));
    }

    /** The full receipt of a statement under the newest checkpoint, which must cover it. */
    Covered receipt(long seq) {
        return db.read(c -> {
            IssuedStatement issued = issued(c, seq);
            SignedCheckpoint checkpoint =
                    CheckpointTable.latest(c).map(CheckpointTable.Row::signed).orElseThrow(() -> pending(seq, 0));
            long index = MmrMath.leafIndex(seq);
            long size = checkpoint.checkpoint().size();
            if (index >= size) {
                throw pending(seq, size);
            }
            InclusionProof proof = StoredProofs.inclusionProof(c, index, size);
            return new Covered(
                    new FullReceipt(issued.signed(), issued.marker(), proof, checkpoint.signed()), checkpoint);
        });
    }

    /** The COSE Receipt of inclusion of a statement's marker, under the newest checkpoint. */
    Bytes inclusionReceipt(long seq) {
        Covered covered = receipt(seq);
        return issuer.inclusion(
                covered.receipt().proof(),
                covered.receipt().marker().hash(),
                covered.checkpoint().checkpoint().accumulator());
    }

    /** The COSE Receipt of consistency between two committed MMR sizes. */
    Bytes consistencyReceipt(long fromSize, long toSize) {
        Accumulator from = proofs.accumulator(fromSize);
        Accumulator to = proofs.accumulator(toSize);
        return issuer.consistency(proofs.consistencyProof(fromSize, toSize), from, to);
    }

    AuditBundleExporter.Builder exporter(SignedCheckpoint covering) {
        return AuditBundleExporter.builder(logId, markers, proofs)
                .checkpoint(covering)
                .logKeys(logKeys)
                .statements(new StatementPages());
    }

    AuditBundleTrailer export(OutputStream out, long first, long count) {
        long size = markers.size();
        if (first < 0 || count < 1 || first > size - count) {
            throw VerificationException.mismatch(
                    ErrorCode.STORE_NOT_FOUND,
                    "a range of at least one marker within [0, " + size + ")",
                    "[" + first + ", " + first + " + " + count + ")");
        }
        SignedCheckpoint covering = latestCheckpoint().orElseThrow(() -> pending(first + count - 1, 0));
        if (covering.checkpoint().accumulator().leafCount() < first + count) {
            throw pending(first + count - 1, covering.checkpoint().size());
        }
        return exporter(covering).build().export(out, first, count);
    }

    private static VerificationException pending(long seq, long checkpointSize) {
        return VerificationException.mismatch(
                ErrorCode.STORE_RECEIPT_PENDING,
                "a checkpoint covering marker " + seq,
                checkpointSize == 0 ? "no checkpoint" : "the newest checkpoint, of MMR size " + checkpointSize);
    }

    /** Statements for an export, read a page of sequences at a time; one export uses one. */
    private final class StatementPages implements LongFunction<Optional<Bytes>> {
        private long from = -1;
        private long to = -1;
        private Map<Long, Bytes> page = Map.of();

        @Override
        public Optional<Bytes> apply(long seq) {
            if (seq < from || seq >= to) {
                from = seq;
                to = seq + STATEMENT_PAGE;
                page = db.read(c -> StatementTable.range(c, from, to));
            }
            return Optional.ofNullable(page.get(seq));
        }
    }
}
