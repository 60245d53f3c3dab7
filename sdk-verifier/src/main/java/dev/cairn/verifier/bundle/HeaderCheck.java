package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.CheckpointLink;
import dev.cairn.audit.RangeAnchor;
import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.trust.tls.PeerIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header steps of {@code spec/audit-bundle.md} ("Verification", steps 2 to 8), before any entry
 * is read: the log id, the trusted keys (and the certificates of those only a carried chain makes
 * trusted, at each checkpoint's time), the checkpoints and their chain, and the proven accumulator
 * and anchor the range starts from. Fails early: a bundle whose evidence cannot hold is refused
 * before its entries stream.
 */
final class HeaderCheck {
    /** What the entries are checked against. */
    record Plan(
            long first,
            long count,
            KeySet trusted,
            CertifiedKeys certified,
            VerifiedCheckpoint checkpoint,
            Optional<PeerIdentity> signerIdentity,
            List<VerifiedCheckpoint> older,
            Accumulator start,
            Digest anchorHash,
            long anchorTime,
            Optional<ConsistencyProof> endProof,
            long signatures) {}

    private HeaderCheck() {}

    static Plan verify(AuditBundleHeader header, Rules rules) {
        if (!header.logId().equals(rules.logId())) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_LOG_MISMATCH,
                    rules.logId().value(),
                    header.logId().value());
        }
        Trust.Keys trust = Trust.resolve(rules, header);
        CheckpointVerifier checkpoints = CheckpointVerifier.builder()
                .trustedKeys(trust.keys())
                .expectLogId(rules.logId())
                .allowAlgorithms(rules.algorithmArray())
                .clock(rules.clock())
                .maxClockSkew(rules.maxSkew())
                .build();
        VerifiedCheckpoint covering = checkpoints.verify(header.checkpoint().toByteArray());
        Optional<PeerIdentity> signerIdentity = certified(trust, covering);
        Accumulator target = covering.checkpoint().accumulator();
        if (header.end() > target.leafCount()) {
            throw Failures.incomplete("the range ends at " + header.end() + ", beyond the checkpoint's "
                    + target.leafCount() + " leaves: the covering checkpoint is missing");
        }
        List<VerifiedCheckpoint> older = new ArrayList<>();
        for (CheckpointLink link : header.olderCheckpoints()) {
            VerifiedCheckpoint verified = checkpoints.verify(link.checkpoint().toByteArray());
            certified(trust, verified);
            older.add(verified);
        }
        for (int k = 0; k < older.size(); k++) {
            Checkpoint next = (k + 1 < older.size() ? older.get(k + 1) : covering).checkpoint();
            chain(
                    older.get(k).checkpoint(),
                    next,
                    header.olderCheckpoints().get(k).toNext());
        }
        Digest anchorHash = Marker.GENESIS_PREV_HASH;
        long anchorTime = 0;
        if (header.first() > 0) {
            ConsistencyProof startProof = header.startProof()
                    .orElseThrow(() -> Failures.incomplete("no consistency proof from the range's start"));
            RangeAnchor anchor =
                    header.anchor().orElseThrow(() -> Failures.incomplete("no anchor marker before the range"));
            MmrVerifier.verifyConsistency(startProof, header.start(), target);
            InclusionProof path = new InclusionProof(MmrMath.leafIndex(header.first() - 1), anchor.path());
            MmrVerifier.verifyInclusion(path, anchor.marker().hash(), header.start());
            anchorHash = anchor.marker().hash();
            anchorTime = anchor.marker().timeMillis();
        }
        boolean endsBefore = header.end() < target.leafCount();
        if (endsBefore && header.endProof().isEmpty()) {
            throw Failures.incomplete("no consistency proof from the range's end to the checkpoint");
        }
        if (!endsBefore && header.endProof().isPresent()) {
            throw Failures.malformed("an end proof, but the range ends at the checkpoint");
        }
        header.endProof().ifPresent(p -> sizes("end proof tree-size-2", target.size(), p.size2()));
        long signatures = trust.signatures() + 1 + older.size();
        return new Plan(
                header.first(),
                header.count(),
                trust.keys(),
                trust.certified(),
                covering,
                signerIdentity,
                older,
                header.start(),
                anchorHash,
                anchorTime,
                header.endProof(),
                signatures);
    }

    /** A checkpoint's signer, if only its carried chain makes it trusted, is certified at the checkpoint's time. */
    private static Optional<PeerIdentity> certified(Trust.Keys trust, VerifiedCheckpoint checkpoint) {
        return trust.certified()
                .check(checkpoint.signer(), checkpoint.checkpoint().time());
    }

    /** One link of the chain: an older checkpoint and the next, proven consistent. */
    private static void chain(Checkpoint older, Checkpoint next, Optional<ConsistencyProof> proof) {
        if (older.time().isAfter(next.time())) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    "at most " + next.time(),
                    older.time().toString());
        }
        if (older.size() > next.size()) {
            throw Failures.malformed("checkpoint of size " + older.size() + " before one of size " + next.size());
        }
        if (older.size() == next.size()) {
            if (proof.isPresent()) {
                throw Failures.malformed("a consistency proof between checkpoints of one size");
            }
            for (int j = 0; j < next.accumulator().peaks().size(); j++) {
                Digest want = next.accumulator().peaks().get(j);
                Digest got = older.accumulator().peaks().get(j);
                if (!got.equals(want)) {
                    throw VerificationException.mismatch(ErrorCode.MMR_PROOF_INVALID, want.toHex(), got.toHex());
                }
            }
            return;
        }
        MmrVerifier.verifyConsistency(
                proof.orElseThrow(() -> Failures.incomplete(
                        "no consistency proof from the checkpoint of size " + older.size() + " to the next")),
                older.accumulator(),
                next.accumulator());
    }

    private static void sizes(String field, long want, long got) {
        if (want != got) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", Long.toString(want));
            details.put("found", Long.toString(got));
            throw new MalformedInputException(
                    ErrorCode.MMR_PROOF_MALFORMED, field + ": got " + got + ", want " + want, -1, details, null);
        }
    }
}
