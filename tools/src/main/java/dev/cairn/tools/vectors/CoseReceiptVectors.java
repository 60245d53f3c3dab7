package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.file.FileNodeStore;
import dev.cairn.receipt.CoseReceiptIssuer;
import dev.cairn.receipt.CoseReceiptLabels;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * COSE Receipt vectors of the MMR profile ({@code spec/receipts.md}, "COSE Receipts"): receipts of
 * inclusion and consistency that a real {@link ReceiptLog} of six statements issued with the vector
 * key, and negatives named after their mutation, re-signed where the check they aim at lies before
 * the signature.
 */
final class CoseReceiptVectors {
    static final String KIND = "cose-receipt";
    private static final HexFormat HEX = HexFormat.of();
    private static final LogId LOG = new LogId("vectors.example/audit");
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    private CoseReceiptVectors() {}

    static void generate(VectorSet set) {
        SigningKey key = VectorKeys.key(KeyType.ED25519, 1);
        SigningKey stranger = VectorKeys.key(KeyType.ED25519, 2);
        Path dir = ReceiptVectors.tempDir();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (ReceiptLog log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.open(dir.resolve("markers"), clock),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                clock)) {
            List<IssuedStatement> issued = new ArrayList<>();
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            checkpoints.add(log.checkpoint(1));
            for (int i = 0; i < 6; i++) {
                issued.add(log.issue(ReceiptVectors.action(i)));
                if (i == 0 || i == 2 || i == 5) {
                    checkpoints.add(log.checkpoint(1));
                }
            }
            SignedCheckpoint last = checkpoints.get(checkpoints.size() - 1);
            for (IssuedStatement s : issued) {
                inclusion(set, "inclusion-statement-" + s.marker().seq(), log.inclusionReceipt(s, last), s, last, key);
            }
            for (int i = 1; i < checkpoints.size(); i++) {
                SignedCheckpoint from = checkpoints.get(i - 1);
                SignedCheckpoint to = checkpoints.get(i);
                consistency(
                        set,
                        "consistency-" + from.checkpoint().size() + "-"
                                + to.checkpoint().size(),
                        log.consistencyReceipt(from, to),
                        from,
                        to,
                        key);
            }
            rejects(set, log, key, stranger, issued.get(2), checkpoints);
        } finally {
            ReceiptVectors.delete(dir);
        }
    }

    private static void rejects(
            VectorSet set,
            ReceiptLog log,
            SigningKey key,
            SigningKey stranger,
            IssuedStatement target,
            List<SignedCheckpoint> checkpoints) {
        SignedCheckpoint last = checkpoints.get(checkpoints.size() - 1);
        Accumulator acc = last.checkpoint().accumulator();
        Digest leaf = target.marker().hash();
        Bytes good = log.inclusionReceipt(target, last);
        InclusionProof proof = log.receipt(target, last).proof();
        Digest otherLeaf = DomainHash.of(HashDomain.MARKER, "not a marker".getBytes(StandardCharsets.UTF_8));
        ObjectNode node;

        node = reject(set, "inclusion-other-leaf", "a leaf the log never appended", key, ErrorCode.COSE_BAD_SIGNATURE);
        inclusionInputs(node, good, otherLeaf, null);
        node = reject(
                set,
                "inclusion-other-leaf-anchored",
                "a leaf the log never appended, checked against the checkpoint's accumulator",
                key,
                ErrorCode.MMR_PROOF_INVALID);
        inclusionInputs(node, good, otherLeaf, acc);
        node = reject(
                set,
                "inclusion-flipped-signature-bit",
                "last signature bit flipped",
                key,
                ErrorCode.COSE_BAD_SIGNATURE);
        inclusionInputs(node, flipLast(good), leaf, null);
        List<Digest> path = new ArrayList<>(proof.path());
        byte[] first = path.get(0).toByteArray();
        first[0] ^= 1;
        path.set(0, Digest.of(first));
        node = reject(
                set,
                "inclusion-flipped-path-bit",
                "one bit of the first path entry flipped",
                key,
                ErrorCode.COSE_BAD_SIGNATURE);
        inclusionInputs(
                node,
                inclusionWith(key, CborArray.of(proofBytes(new InclusionProof(proof.index(), path))), acc, leaf, proof),
                leaf,
                null);
        node = reject(
                set,
                "inclusion-truncated-path-anchored",
                "last path entry removed, checked against the accumulator",
                key,
                ErrorCode.MMR_PROOF_MALFORMED);
        InclusionProof shorter = new InclusionProof(
                proof.index(), proof.path().subList(0, proof.path().size() - 1));
        inclusionInputs(node, inclusionWith(key, CborArray.of(proofBytes(shorter)), acc, leaf, proof), leaf, acc);
        node = reject(
                set,
                "inclusion-untrusted-signer",
                "signed by a key outside the trust anchors",
                key,
                ErrorCode.SIGNATURE_KEY_UNTRUSTED);
        inclusionInputs(node, new CoseReceiptIssuer(stranger, LOG).inclusion(proof, leaf, acc), leaf, null);
        node = reject(set, "inclusion-other-log", "a receipt of another log", key, ErrorCode.RECEIPT_LOG_MISMATCH);
        inclusionInputs(
                node,
                new CoseReceiptIssuer(key, new LogId("other.example/audit")).inclusion(proof, leaf, acc),
                leaf,
                null);
        node = reject(
                set,
                "inclusion-two-proofs",
                "two inclusion proofs under one payload",
                key,
                ErrorCode.RECEIPT_MALFORMED);
        inclusionInputs(
                node,
                inclusionWith(key, CborArray.of(proofBytes(proof), proofBytes(proof)), acc, leaf, proof),
                leaf,
                null);
        node = reject(
                set, "inclusion-wrong-vds", "vds 1 (RFC9162_SHA256) instead of 3", key, ErrorCode.RECEIPT_MALFORMED);
        inclusionInputs(
                node,
                signed(
                        key,
                        1,
                        null,
                        CoseReceiptLabels.INCLUSION_PROOFS,
                        CborArray.of(proofBytes(proof)),
                        peakAbove(leaf, proof)),
                leaf,
                null);
        node = reject(
                set,
                "checkpoint-as-inclusion",
                "a signed checkpoint presented as a receipt",
                key,
                ErrorCode.RECEIPT_MALFORMED);
        inclusionInputs(node, last.signed(), leaf, null);
        Bytes consistency = log.consistencyReceipt(checkpoints.get(1), last);
        node = reject(
                set,
                "consistency-as-inclusion",
                "a receipt of consistency presented as one of inclusion",
                key,
                ErrorCode.RECEIPT_MALFORMED);
        inclusionInputs(node, consistency, leaf, null);

        SignedCheckpoint from = checkpoints.get(1);
        Accumulator trusted = from.checkpoint().accumulator();
        node = reject(
                set,
                "consistency-from-other-size",
                "verified from the empty log instead of size 1",
                key,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistencyInputs(node, consistency, checkpoints.get(0).checkpoint().accumulator());
        node = reject(
                set,
                "consistency-from-forged-state",
                "verified from a forged accumulator of size 1",
                key,
                ErrorCode.COSE_BAD_SIGNATURE);
        consistencyInputs(node, consistency, new Accumulator(trusted.size(), List.of(otherLeaf)));
        node = reject(
                set,
                "consistency-flipped-signature-bit",
                "last signature bit flipped",
                key,
                ErrorCode.COSE_BAD_SIGNATURE);
        consistencyInputs(node, flipLast(consistency), trusted);
        ConsistencyProof cp = ConsistencyProof.decode(proofOf(consistency));
        CborArray proofs = CborArray.of(CborBytes.of(cp.encode()));
        byte[] payload = concatenated(acc);
        node = reject(
                set,
                "consistency-tree-size-mismatch",
                "protected tree-size-2 one more than the proof's",
                key,
                ErrorCode.RECEIPT_MALFORMED);
        consistencyInputs(
                node, signed(key, 3, acc.size() + 1, CoseReceiptLabels.CONSISTENCY_PROOFS, proofs, payload), trusted);
        node = reject(set, "consistency-no-tree-size", "no protected tree-size-2", key, ErrorCode.RECEIPT_MALFORMED);
        consistencyInputs(node, signed(key, 3, null, CoseReceiptLabels.CONSISTENCY_PROOFS, proofs, payload), trusted);
        List<Digest> fewer = cp.rightPeaks().subList(0, cp.rightPeaks().size() - 1);
        ConsistencyProof missingPeak = new ConsistencyProof(cp.size1(), cp.size2(), cp.paths(), fewer);
        node = reject(
                set,
                "consistency-right-peak-removed",
                "the last right peak removed",
                key,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistencyInputs(
                node,
                signed(
                        key,
                        3,
                        acc.size(),
                        CoseReceiptLabels.CONSISTENCY_PROOFS,
                        CborArray.of(CborBytes.of(missingPeak.encode())),
                        payload),
                trusted);
        node = reject(
                set,
                "inclusion-as-consistency",
                "a receipt of inclusion presented as one of consistency",
                key,
                ErrorCode.RECEIPT_MALFORMED);
        consistencyInputs(node, good, trusted);
    }

    // --- writing ---

    private static ObjectNode rules(ObjectNode node, SigningKey key) {
        return CoseReceiptFields.rules(node, key.verificationKey(), LOG);
    }

    private static void inclusion(
            VectorSet set, String name, Bytes receipt, IssuedStatement s, SignedCheckpoint cp, SigningKey key) {
        ObjectNode node = rules(set.accept(KIND, name, "a receipt of inclusion the log signed"), key);
        Accumulator acc = cp.checkpoint().accumulator();
        inclusionInputs(node, receipt, s.marker().hash(), acc);
        CoseReceiptFields.inclusionYields(node, MmrMath.leafIndex(s.marker().seq()), acc);
    }

    private static void consistency(
            VectorSet set, String name, Bytes receipt, SignedCheckpoint from, SignedCheckpoint to, SigningKey key) {
        ObjectNode node = rules(set.accept(KIND, name, "a receipt of consistency the log signed"), key);
        consistencyInputs(node, receipt, from.checkpoint().accumulator());
        CoseReceiptFields.consistencyYields(node, to.checkpoint().accumulator());
    }

    private static ObjectNode reject(VectorSet set, String name, String description, SigningKey key, ErrorCode want) {
        return rules(set.reject(KIND, name, description, want), key);
    }

    private static void inclusionInputs(ObjectNode node, Bytes receipt, Digest leaf, Accumulator anchor) {
        CoseReceiptFields.inclusionInputs(node, receipt, leaf, anchor);
    }

    private static void consistencyInputs(ObjectNode node, Bytes receipt, Accumulator trusted) {
        CoseReceiptFields.consistencyInputs(node, receipt, trusted);
    }

    // --- building blocks ---

    /** Signs a receipt with chosen headers, for negatives that must pass the signature check. */
    private static Bytes signed(SigningKey key, long vds, Long treeSize2, long kind, CborArray proofs, byte[] payload) {
        CoseSigner.Builder builder = CoseSigner.builder(key)
                .protectedParam(CoseReceiptLabels.VDS, CborInt.of(vds))
                .protectedParam(CoseReceiptLabels.LOG_ID, CborText.of(LOG.value()))
                .unprotectedParam(
                        CoseReceiptLabels.VDP,
                        CborMap.builder().put(kind, proofs).build());
        if (treeSize2 != null) {
            builder.protectedParam(CoseReceiptLabels.TREE_SIZE_2, CborInt.of(treeSize2));
        }
        return Bytes.copyOf(builder.build().signDetached(payload).encode());
    }

    private static Bytes inclusionWith(
            SigningKey key, CborArray proofs, Accumulator acc, Digest leaf, InclusionProof good) {
        return signed(
                key,
                CoseReceiptLabels.MMR_SHA256,
                null,
                CoseReceiptLabels.INCLUSION_PROOFS,
                proofs,
                peakAbove(leaf, good));
    }

    private static byte[] peakAbove(Digest leaf, InclusionProof proof) {
        return MmrVerifier.includedRoot(proof, leaf).toByteArray();
    }

    private static CborValue proofBytes(InclusionProof proof) {
        return CborBytes.of(proof.encode());
    }

    private static byte[] proofOf(Bytes receipt) {
        CborMap unprotected =
                CoseSign1.decode(receipt.toByteArray(), CborLimits.DEFAULT).unprotectedHeader();
        CborMap vdp = (CborMap) unprotected.get(CoseReceiptLabels.VDP).orElseThrow();
        CborArray proofs =
                (CborArray) vdp.get(CoseReceiptLabels.CONSISTENCY_PROOFS).orElseThrow();
        return ((CborBytes) proofs.get(0)).value().toByteArray();
    }

    private static byte[] concatenated(Accumulator accumulator) {
        byte[] out = new byte[accumulator.peaks().size() * Digest.LENGTH];
        for (int i = 0; i < accumulator.peaks().size(); i++) {
            System.arraycopy(accumulator.peaks().get(i).toByteArray(), 0, out, i * Digest.LENGTH, Digest.LENGTH);
        }
        return out;
    }

    private static Bytes flipLast(Bytes bytes) {
        byte[] copy = bytes.toByteArray();
        copy[copy.length - 1] ^= 1;
        return Bytes.copyOf(copy);
    }
}
