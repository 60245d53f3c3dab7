package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.CheckpointLink;
import dev.cairn.audit.RangeAnchor;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import java.util.List;
import java.util.Optional;

/** A header's components, each replaceable, for building altered headers in tests. */
final class HeaderEdit {
    LogId logId;
    long first;
    long count;
    List<VerificationKey> logKeys;
    List<TrustMaterial> trustMaterial;
    Bytes checkpoint;
    Accumulator start;
    Optional<ConsistencyProof> startProof;
    Optional<RangeAnchor> anchor;
    Optional<ConsistencyProof> endProof;
    List<CheckpointLink> older;

    HeaderEdit(AuditBundleHeader h) {
        logId = h.logId();
        first = h.first();
        count = h.count();
        logKeys = h.logKeys();
        trustMaterial = h.trustMaterial();
        checkpoint = h.checkpoint();
        start = h.start();
        startProof = h.startProof();
        anchor = h.anchor();
        endProof = h.endProof();
        older = h.olderCheckpoints();
    }

    HeaderEdit startProof(ConsistencyProof proof) {
        startProof = Optional.ofNullable(proof);
        return this;
    }

    HeaderEdit endProof(ConsistencyProof proof) {
        endProof = Optional.ofNullable(proof);
        return this;
    }

    AuditBundleHeader build() {
        return new AuditBundleHeader(
                logId, first, count, logKeys, trustMaterial, checkpoint, start, startProof, anchor, endProof, older);
    }
}
