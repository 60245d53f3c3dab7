package dev.cairn.tools.vectors;

import static dev.cairn.errors.ErrorCode.COSE_BAD_SIGNATURE;
import static dev.cairn.errors.ErrorCode.RECEIPT_MALFORMED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseHeaders;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.CoseReceiptIssuer;
import dev.cairn.receipt.CoseReceiptLabels;
import dev.cairn.verifier.vectors.MmrLeafRule;
import java.util.HexFormat;

/**
 * {@code cose-receipt} vectors of receipts that other implementations of the MMR profile make
 * ({@code spec/receipts.md}, "Receipts of other implementations"), named {@code foreign-...}: built
 * by hand ({@link ForeignReceipt}) over the draft's known-answer tree ({@link MmrLeafRule}, MMR of
 * size 39), signed by a key that is not the vector log's, with a kid that is not Cairn's derived kid
 * or none, and no Cairn log id. Their {@code foreign} field is {@code true}: the checker then
 * ignores the log id and takes the one trusted key whatever the kid. Two negatives check the same
 * bytes with {@code foreign} {@code false}, as Cairn's default verifier does.
 */
final class ForeignReceiptVectors {
    private static final String KIND = CoseReceiptVectors.KIND;
    private static final LogId LOG = new LogId("vectors.example/audit");
    private static final long SIZE = 39;
    private static final long FROM = 26;
    /** Leaf 7, the one the MMR negatives use. */
    private static final long INDEX = MmrMath.leafIndex(7);

    private final VectorSet set;
    private final SigningKey key = VectorKeys.key(KeyType.ED25519, 20);
    private final byte[] kid = new byte[16];
    private final Mmr mmr = MmrLeafRule.tree((int) MmrMath.leafCount(SIZE));
    private final Accumulator acc = mmr.accumulator(SIZE);
    private final InclusionProof proof = mmr.inclusionProof(INDEX, SIZE);
    private final Digest leaf = mmr.node(INDEX);

    private ForeignReceiptVectors(VectorSet set) {
        this.set = set;
        new VectorRandom("cairn vector foreign kid").nextBytes(kid);
    }

    static void generate(VectorSet set) {
        ForeignReceiptVectors g = new ForeignReceiptVectors(set);
        g.accepted();
        g.rejected();
    }

    private void accepted() {
        Bytes withKid = ForeignReceipt.of(key, ForeignReceipt.header(key, kid)).inclusion(proof, leaf);
        inclusion(accept("foreign-inclusion-ed25519-own-kid", "Ed25519, a 16-byte kid of its own, anchored"), key)
                .inputs(withKid, acc)
                .yields();
        SigningKey p256 = VectorKeys.key(KeyType.P256, 20);
        Bytes noKid = ForeignReceipt.of(p256, ForeignReceipt.header(p256, null)).inclusion(proof, leaf);
        inclusion(accept("foreign-inclusion-p256-no-kid", "ES256, no kid, not anchored"), p256)
                .inputs(noKid, null)
                .yields();
        CborMap otherLog = HeadVector.with(
                ForeignReceipt.header(key, kid), CoseReceiptLabels.LOG_ID, CborText.of("other.example/transparency"));
        inclusion(accept("foreign-inclusion-other-log-id", "a log id of another log, which foreign rules ignore"), key)
                .inputs(ForeignReceipt.of(key, otherLog).inclusion(proof, leaf), acc)
                .yields();
        Bytes cairns = new CoseReceiptIssuer(key, LOG).inclusion(proof, leaf, acc);
        inclusion(accept("foreign-rules-cairn-receipt", "Cairn's own receipt also holds under the foreign rules"), key)
                .inputs(cairns, acc)
                .yields();
        Accumulator from = mmr.accumulator(FROM);
        ObjectNode node =
                rules(accept("foreign-consistency", "consistency from size 26, tree-size-2 -65933"), key, true);
        CoseReceiptFields.consistencyInputs(node, consistency(key, header(SIZE)), from);
        CoseReceiptFields.consistencyYields(node, acc);
    }

    private void rejected() {
        CborMap header = ForeignReceipt.header(key, kid);
        Bytes good = ForeignReceipt.of(key, header).inclusion(proof, leaf);
        SigningKey stranger = VectorKeys.key(KeyType.ED25519, 21);
        inclusion(
                        reject(
                                "foreign-inclusion-other-key",
                                "signed by another key than the one trusted",
                                COSE_BAD_SIGNATURE),
                        key)
                .inputs(
                        ForeignReceipt.of(stranger, ForeignReceipt.header(stranger, kid))
                                .inclusion(proof, leaf),
                        acc);
        byte[] flipped = good.toByteArray();
        flipped[flipped.length - 1] ^= 1;
        inclusion(
                        reject(
                                "foreign-inclusion-flipped-signature",
                                "the last signature bit flipped",
                                COSE_BAD_SIGNATURE),
                        key)
                .inputs(Bytes.copyOf(flipped), acc);
        CborMap wrongVds = HeadVector.with(header, CoseReceiptLabels.VDS, CborInt.of(1));
        inclusion(reject("foreign-inclusion-wrong-vds", "vds 1 (RFC9162_SHA256) instead of 3", RECEIPT_MALFORMED), key)
                .inputs(ForeignReceipt.of(key, wrongVds).inclusion(proof, leaf), acc);
        CborMap intLogId = HeadVector.with(header, CoseReceiptLabels.LOG_ID, CborInt.of(7));
        inclusion(reject("foreign-inclusion-log-id-not-text", "a log id that is an integer", RECEIPT_MALFORMED), key)
                .inputs(ForeignReceipt.of(key, intLogId).inclusion(proof, leaf), acc);
        CborMap wrongAlg = HeadVector.with(header, CoseHeaders.ALG, CborInt.of(CoseAlgorithm.ES256.id()));
        inclusion(
                        reject(
                                "foreign-inclusion-alg-not-the-keys",
                                "alg ES256 over an Ed25519 signature",
                                ErrorCode.COSE_ALG_KEY_MISMATCH),
                        key)
                .inputs(ForeignReceipt.of(key, wrongAlg).inclusion(proof, leaf), acc);
        inclusion(
                        reject(
                                "foreign-inclusion-non-canonical-header",
                                "the protected header's vds 3 in two bytes (18 03), signed as such",
                                ErrorCode.COSE_HEADER_INVALID),
                        key)
                .inputs(new ForeignReceipt(key, nonShortestVds(header)).inclusion(proof, leaf), acc);
        ObjectNode node = rules(
                reject("foreign-consistency-no-tree-size", "no protected tree-size-2", RECEIPT_MALFORMED), key, true);
        CoseReceiptFields.consistencyInputs(
                node, consistency(key, ForeignReceipt.header(key, kid)), mmr.accumulator(FROM));
        cairnRules(good, header);
    }

    /** What Cairn's default verifier says of foreign receipts: no log id, then no key of that kid. */
    private void cairnRules(Bytes good, CborMap header) {
        ObjectNode noLogId = rules(
                reject("foreign-inclusion-cairn-rules", "checked by Cairn's rules: no log id", RECEIPT_MALFORMED),
                key,
                false);
        CoseReceiptFields.inclusionInputs(noLogId, good, leaf, acc);
        CborMap withLogId = HeadVector.with(header, CoseReceiptLabels.LOG_ID, CborText.of(LOG.value()));
        ObjectNode foreignKid = rules(
                reject(
                        "foreign-inclusion-cairn-rules-with-log-id",
                        "checked by Cairn's rules: the log id, but a kid that is not the key's derived kid",
                        ErrorCode.SIGNATURE_KEY_UNTRUSTED),
                key,
                false);
        CoseReceiptFields.inclusionInputs(
                foreignKid, ForeignReceipt.of(key, withLogId).inclusion(proof, leaf), leaf, acc);
    }

    private CborMap header(long size2) {
        return HeadVector.with(ForeignReceipt.header(key, kid), CoseReceiptLabels.TREE_SIZE_2, CborInt.of(size2));
    }

    private Bytes consistency(SigningKey signer, CborMap header) {
        ConsistencyProof consistency = mmr.consistencyProof(FROM, SIZE);
        return ForeignReceipt.of(signer, header).consistency(consistency, acc);
    }

    /** The canonical header with vds's value 3 re-encoded in two bytes: not deterministic CBOR. */
    private static Bytes nonShortestVds(CborMap header) {
        String canonical = ForeignReceipt.of(VectorKeys.key(KeyType.ED25519, 20), header)
                .protectedHeader()
                .toHex();
        String vds = "19018b03";
        if (canonical.indexOf(vds) != canonical.lastIndexOf(vds) || !canonical.contains(vds)) {
            throw new IllegalStateException("vds 3 is not once in the header " + canonical);
        }
        return Bytes.copyOf(HexFormat.of().parseHex(canonical.replace(vds, "19018b1803")));
    }

    private ObjectNode accept(String name, String description) {
        return set.accept(KIND, name, "foreign receipt: " + description);
    }

    private ObjectNode reject(String name, String description, ErrorCode error) {
        return set.reject(KIND, name, "foreign receipt: " + description, error);
    }

    private static ObjectNode rules(ObjectNode node, SigningKey trusted, boolean foreign) {
        CoseReceiptFields.rules(node, trusted.verificationKey(), LOG);
        node.put("foreign", foreign);
        return node;
    }

    private Inclusion inclusion(ObjectNode node, SigningKey trusted) {
        return new Inclusion(rules(node, trusted, true));
    }

    /** One foreign receipt of inclusion of the leaf being written. */
    private final class Inclusion {
        private final ObjectNode node;

        Inclusion(ObjectNode node) {
            this.node = node;
        }

        Inclusion inputs(Bytes receipt, Accumulator anchor) {
            CoseReceiptFields.inclusionInputs(node, receipt, leaf, anchor);
            return this;
        }

        void yields() {
            CoseReceiptFields.inclusionYields(node, INDEX, acc);
        }
    }
}
