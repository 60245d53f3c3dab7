package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.MmrMath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first item of an audit bundle ({@code spec/audit-bundle.md}): which log and range the bundle
 * holds, the trust material a verifier may need, the signed checkpoint that covers the range, and
 * the MMR evidence that ties the range to that checkpoint. Nothing in it is trusted: a verifier
 * checks every part.
 *
 * @param logId the log
 * @param first the sequence of the range's first marker
 * @param count the number of markers in the range, at least 1
 * @param logKeys the log's verification keys, 1 to {@link AuditBundleFormat#MAX_LOG_KEYS}
 * @param trustMaterial extra trust material, at most {@link AuditBundleFormat#MAX_TRUST_MATERIAL}
 * @param checkpoint the covering checkpoint, an encoded COSE_Sign1
 * @param start the accumulator of the MMR of {@code first} leaves, where the range starts
 * @param startProof the consistency proof from {@code start} to the checkpoint; absent when {@code
 *     first = 0}, and a bundle without it when {@code first > 0} is incomplete
 * @param anchor the marker at {@code first - 1} and its inclusion path in {@code start}; absent when
 *     {@code first = 0}, and a bundle without it when {@code first > 0} is incomplete
 * @param endProof the consistency proof from the MMR of {@code first + count} leaves to the
 *     checkpoint; needed exactly when the range ends before the checkpoint's last leaf
 * @param olderCheckpoints older checkpoints, oldest first, each with its proof to the next
 */
public record AuditBundleHeader(
        LogId logId,
        long first,
        long count,
        List<VerificationKey> logKeys,
        List<TrustMaterial> trustMaterial,
        Bytes checkpoint,
        Accumulator start,
        Optional<ConsistencyProof> startProof,
        Optional<RangeAnchor> anchor,
        Optional<ConsistencyProof> endProof,
        List<CheckpointLink> olderCheckpoints) {
    /**
     * Validates the components and the rules between them that do not need the checkpoint's content.
     *
     * @param logId the log
     * @param first the first sequence
     * @param count the number of markers
     * @param logKeys the log's keys
     * @param trustMaterial the extra trust material
     * @param checkpoint the covering checkpoint
     * @param start the start accumulator
     * @param startProof the proof from {@code start} to the checkpoint
     * @param anchor the marker before the range
     * @param endProof the proof from the range's end to the checkpoint
     * @param olderCheckpoints the older checkpoints
     * @throws IllegalArgumentException if a rule of the format is broken
     */
    public AuditBundleHeader {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(startProof, "startProof");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(endProof, "endProof");
        logKeys = List.copyOf(logKeys);
        trustMaterial = List.copyOf(trustMaterial);
        olderCheckpoints = List.copyOf(olderCheckpoints);
        require(
                first >= 0 && count >= 1 && count <= MmrMath.MAX_LEAVES - first,
                "first >= 0 and 1 <= count, within the MMR");
        require(!logKeys.isEmpty() && logKeys.size() <= AuditBundleFormat.MAX_LOG_KEYS, "1 to 16 log keys");
        require(trustMaterial.size() <= AuditBundleFormat.MAX_TRUST_MATERIAL, "at most 16 trust material entries");
        require(olderCheckpoints.size() <= AuditBundleFormat.MAX_OLDER_CHECKPOINTS, "at most 64 older checkpoints");
        require(
                checkpoint.length() > 0 && checkpoint.length() <= AuditBundleFormat.MAX_CHECKPOINT_BYTES,
                "a checkpoint of 1 to " + AuditBundleFormat.MAX_CHECKPOINT_BYTES + " bytes");
        long startSize = MmrMath.sizeForLeafCount(first);
        require(start.size() == startSize, "the start accumulator has size " + startSize + " for " + first + " leaves");
        require(first > 0 || (startProof.isEmpty() && anchor.isEmpty()), "no start proof or anchor when first = 0");
        startProof.ifPresent(p -> require(p.size1() == startSize, "the start proof starts at size " + startSize));
        anchor.ifPresent(a -> require(a.marker().seq() == first - 1, "the anchor is marker " + (first - 1)));
        long endSize = MmrMath.sizeForLeafCount(first + count);
        endProof.ifPresent(p -> require(p.size1() == endSize, "the end proof starts at size " + endSize));
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException("audit bundle header: want " + rule);
        }
    }

    /**
     * The sequence after the range's last marker.
     *
     * @return {@code first + count}
     */
    public long end() {
        return first + count;
    }

    /**
     * Encodes the header item canonically.
     *
     * @return the CBOR bytes the header frame holds
     */
    public byte[] encode() {
        return HeaderCodec.encode(this);
    }

    /**
     * Decodes a header item strictly.
     *
     * @param item the bytes of the header frame
     * @return the header
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AUDIT_BUNDLE_MALFORMED}
     *     for bytes that do not follow the header's CDDL or limits; {@code MARKER_*}, {@code KEY_*},
     *     {@code MMR_*} or {@code CBOR_*} codes of the embedded marker, keys, proofs and accumulator
     * @throws dev.cairn.errors.VerificationException {@code KEY_UNSUPPORTED} for a log key of another type
     */
    public static AuditBundleHeader decode(byte[] item) {
        return HeaderCodec.decode(item);
    }
}
