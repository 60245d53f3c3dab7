package dev.cairn.tools.vectors;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseHeaders;
import dev.cairn.cose.CoseSign1;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.CoseReceiptLabels;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A COSE Receipt of the MMR profile built by hand, as another implementation of
 * draft-ietf-cose-merkle-tree-proofs and its MMR profile makes one, not by Cairn's issuer
 * ({@code spec/receipts.md}, "Receipts of other implementations"): the protected header is the
 * given one (alg, the implementation's own kid or none, vds 3, and for consistency tree-size-2 under
 * label {@value CoseReceiptLabels#TREE_SIZE_2}; no Cairn log id unless a vector adds one), the
 * proof sits in the unprotected vdp, and the signature covers the Sig_structure (RFC 9052 section
 * 4.4) of the detached payload the profile defines. Deterministic CBOR throughout.
 *
 * @param key the implementation's signing key
 * @param protectedHeader the serialized protected header, exactly as it is signed
 */
record ForeignReceipt(SigningKey key, Bytes protectedHeader) {
    /**
     * The header another implementation writes: alg for the key, its kid if any, vds 3.
     *
     * @param key the signing key
     * @param kid the kid, or {@code null} for none
     * @return the header map, to which vectors add or change parameters
     */
    static CborMap header(SigningKey key, byte[] kid) {
        CborMap.Builder header = CborMap.builder()
                .put(
                        CoseHeaders.ALG,
                        CborInt.of(CoseAlgorithm.forKeyType(key.type()).id()))
                .put(CoseReceiptLabels.VDS, CborInt.of(CoseReceiptLabels.MMR_SHA256));
        if (kid != null) {
            header.put(CoseHeaders.KID, CborBytes.of(kid));
        }
        return header.build();
    }

    /** A receipt under a header map, serialized canonically. */
    static ForeignReceipt of(SigningKey key, CborMap header) {
        return new ForeignReceipt(key, Bytes.copyOf(Cbor.encode(header)));
    }

    /** A receipt of inclusion: the payload is the peak the leaf's path leads to. */
    Bytes inclusion(InclusionProof proof, Digest leaf) {
        return sign(
                CoseReceiptLabels.INCLUSION_PROOFS,
                proof.encode(),
                MmrVerifier.includedRoot(proof, leaf).toByteArray());
    }

    /** A receipt of consistency: the payload is the later accumulator's peaks, highest first. */
    Bytes consistency(ConsistencyProof proof, Accumulator to) {
        ByteArrayOutputStream peaks = new ByteArrayOutputStream();
        to.peaks().forEach(peak -> peaks.writeBytes(peak.toByteArray()));
        return sign(CoseReceiptLabels.CONSISTENCY_PROOFS, proof.encode(), peaks.toByteArray());
    }

    private Bytes sign(long kind, byte[] proof, byte[] detachedPayload) {
        CborArray sigStructure = CborArray.of(
                CborText.of("Signature1"),
                new CborBytes(protectedHeader),
                CborBytes.of(new byte[0]),
                CborBytes.of(detachedPayload));
        CborMap vdp =
                CborMap.builder().put(kind, CborArray.of(CborBytes.of(proof))).build();
        Bytes signature = Bytes.copyOf(key.sign(Cbor.encode(sigStructure)));
        return Bytes.copyOf(new CoseSign1(
                        protectedHeader,
                        CborMap.builder().put(CoseReceiptLabels.VDP, vdp).build(),
                        Optional.empty(),
                        signature)
                .encode());
    }
}
