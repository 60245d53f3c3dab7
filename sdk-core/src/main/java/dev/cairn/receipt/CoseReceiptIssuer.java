package dev.cairn.receipt;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSigner;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.VerifiedInclusion;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Signs COSE Receipts of inclusion and of consistency in the MMR profile (RFC 9942 conventions;
 * {@code spec/receipts.md}): protected {@code alg}, derived {@code kid}, {@code vds} = {@code
 * MMR_SHA256} and the log id; the proof under {@code vdp}; a detached payload.
 *
 * <p>The issuer verifies every proof against the accumulators it is given before it signs, so it
 * never signs a payload its proof does not produce. Thread-safe.
 */
public final class CoseReceiptIssuer {
    private final SigningKey key;
    private final LogId logId;

    /**
     * Creates an issuer for one log.
     *
     * @param key the log's signing key
     * @param logId the log the receipts speak for
     */
    public CoseReceiptIssuer(SigningKey key, LogId logId) {
        this.key = Objects.requireNonNull(key, "key");
        this.logId = Objects.requireNonNull(logId, "logId");
    }

    /**
     * Signs a receipt of inclusion: the payload is the accumulator peak the proof leads to.
     *
     * @param proof the inclusion proof of {@code leaf}
     * @param leaf the node value proven, a marker hash for Cairn's logs
     * @param accumulator the accumulator the proof was made for
     * @return the tagged COSE_Sign1, payload detached
     * @throws dev.cairn.errors.CairnException an {@code MMR_*} code if the proof does not lead to the
     *     accumulator
     */
    public Bytes inclusion(InclusionProof proof, Digest leaf, Accumulator accumulator) {
        VerifiedInclusion verified = MmrVerifier.verifyInclusion(proof, leaf, accumulator);
        Digest peak = accumulator.peaks().get(verified.peakPosition());
        CborMap vdp = CborMap.builder()
                .put(CoseReceiptLabels.INCLUSION_PROOFS, CborArray.of(CborBytes.of(proof.encode())))
                .build();
        return sign(signer(vdp).build(), peak.toByteArray());
    }

    /**
     * Signs a receipt of consistency: the payload is the later accumulator's peaks, concatenated
     * highest first, and the protected {@code tree-size-2} states its size.
     *
     * @param proof the consistency proof from {@code from} to {@code to}
     * @param from the earlier accumulator
     * @param to the later accumulator
     * @return the tagged COSE_Sign1, payload detached
     * @throws dev.cairn.errors.CairnException an {@code MMR_*} code if the proof does not prove {@code
     *     to} from {@code from}
     */
    public Bytes consistency(ConsistencyProof proof, Accumulator from, Accumulator to) {
        MmrVerifier.verifyConsistency(proof, from, to);
        CborMap vdp = CborMap.builder()
                .put(CoseReceiptLabels.CONSISTENCY_PROOFS, CborArray.of(CborBytes.of(proof.encode())))
                .build();
        CoseSigner signer = signer(vdp)
                .protectedParam(CoseReceiptLabels.TREE_SIZE_2, CborInt.of(to.size()))
                .build();
        return sign(signer, concatenated(to));
    }

    /**
     * The detached payload of a receipt of consistency: the peaks, concatenated highest first.
     *
     * @param accumulator the accumulator
     * @return 32 bytes per peak
     */
    static byte[] concatenated(Accumulator accumulator) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(accumulator.peaks().size() * Digest.LENGTH);
        accumulator.peaks().forEach(peak -> out.writeBytes(peak.toByteArray()));
        return out.toByteArray();
    }

    private CoseSigner.Builder signer(CborMap vdp) {
        return CoseSigner.builder(key)
                .protectedParam(CoseReceiptLabels.VDS, CborInt.of(CoseReceiptLabels.MMR_SHA256))
                .protectedParam(CoseReceiptLabels.LOG_ID, CborText.of(logId.value()))
                .unprotectedParam(CoseReceiptLabels.VDP, vdp);
    }

    private static Bytes sign(CoseSigner signer, byte[] payload) {
        return Bytes.copyOf(signer.signDetached(payload).encode());
    }
}
