package dev.cairn.verifier;

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
import java.security.SecureRandom;
import java.util.Optional;

/**
 * COSE Receipts made the way another implementation of the MMR profile makes them, without Cairn's
 * issuer: the protected header holds alg, vds and the implementation's own kid (or none), never
 * Cairn's log id; the proof is in vdp; the signature covers the Sig_structure of the detached
 * payload the profile defines.
 */
public final class ForeignReceipts {
    private ForeignReceipts() {}

    /**
     * A kid of the kind another implementation picks: 16 random bytes, not Cairn's derived kid.
     *
     * @return the kid
     */
    public static Bytes randomKid() {
        byte[] kid = new byte[16];
        new SecureRandom().nextBytes(kid);
        return Bytes.copyOf(kid);
    }

    /**
     * A receipt of inclusion.
     *
     * @param key the signer
     * @param kid the kid to put in the protected header, or {@code null} for none
     * @param proof the inclusion proof
     * @param leaf the leaf it proves
     * @return the tagged COSE_Sign1
     */
    public static byte[] inclusion(SigningKey key, Bytes kid, InclusionProof proof, Digest leaf) {
        Digest peak = MmrVerifier.includedRoot(proof, leaf);
        return sign(key, kid, null, CoseReceiptLabels.INCLUSION_PROOFS, proof.encode(), peak.toByteArray());
    }

    /**
     * A receipt of consistency: the payload is the later peaks, highest first, and tree-size-2 is
     * protected under the label Cairn reads.
     *
     * @param key the signer
     * @param kid the kid, or {@code null} for none
     * @param proof the consistency proof
     * @param to the later accumulator
     * @return the tagged COSE_Sign1
     */
    public static byte[] consistency(SigningKey key, Bytes kid, ConsistencyProof proof, Accumulator to) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        to.peaks().forEach(p -> payload.writeBytes(p.toByteArray()));
        return sign(key, kid, to.size(), CoseReceiptLabels.CONSISTENCY_PROOFS, proof.encode(), payload.toByteArray());
    }

    private static byte[] sign(SigningKey key, Bytes kid, Long size2, long kind, byte[] proof, byte[] payload) {
        CborMap.Builder prot = CborMap.builder()
                .put(
                        CoseHeaders.ALG,
                        CborInt.of(CoseAlgorithm.forKeyType(key.type()).id()))
                .put(CoseReceiptLabels.VDS, CborInt.of(CoseReceiptLabels.MMR_SHA256));
        if (kid != null) {
            prot.put(CoseHeaders.KID, new CborBytes(kid));
        }
        if (size2 != null) {
            prot.put(CoseReceiptLabels.TREE_SIZE_2, CborInt.of(size2));
        }
        Bytes protectedHeader = Bytes.copyOf(Cbor.encode(prot.build()));
        byte[] toBeSigned = Cbor.encode(CborArray.of(
                CborText.of("Signature1"),
                new CborBytes(protectedHeader),
                new CborBytes(Bytes.empty()),
                CborBytes.of(payload)));
        CborMap vdp =
                CborMap.builder().put(kind, CborArray.of(CborBytes.of(proof))).build();
        CborMap unprotected = CborMap.builder().put(CoseReceiptLabels.VDP, vdp).build();
        return new CoseSign1(protectedHeader, unprotected, Optional.empty(), Bytes.copyOf(key.sign(toBeSigned)))
                .encode();
    }
}
