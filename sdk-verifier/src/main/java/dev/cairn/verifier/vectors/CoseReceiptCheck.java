package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import dev.cairn.keys.KeySet;
import dev.cairn.receipt.CoseReceiptVerifier;
import dev.cairn.receipt.VerifiedConsistencyReceipt;
import dev.cairn.receipt.VerifiedInclusionReceipt;

/**
 * {@code cose-receipt} vectors ({@code spec/receipts.md}, "COSE Receipts"): a COSE Receipt of the
 * MMR profile verified by {@link CoseReceiptVerifier} under {@code trusted_keys} and {@code
 * log_id}. With {@code leaf} it is a receipt of inclusion, checked against the optional {@code
 * accumulator}, and yields {@code index} and {@code peak}; otherwise one of consistency from the
 * {@code trusted} accumulator, yielding the accumulator {@code to}. A {@code foreign} receipt
 * (another implementation's) is checked with the log id ignored and the one trusted key whatever the
 * kid ({@code spec/receipts.md}, "Receipts of other implementations").
 */
final class CoseReceiptCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        if (v.has("leaf")) {
            VerifiedInclusionReceipt verified = inclusion(v);
            Fields.same("index", Fields.text(v, "index"), Long.toString(verified.index()));
            Fields.same("peak", Fields.text(v, "peak"), verified.peak().toHex());
        } else {
            VerifiedConsistencyReceipt verified = consistency(v);
            JsonNode to = Fields.field(v, "to");
            Fields.same(
                    "size", Fields.text(to, "size"), Long.toString(verified.to().size()));
            Fields.same("peaks", Fields.digests(to, "peaks"), verified.to().peaks());
        }
    }

    @Override
    public void reject(JsonNode v) {
        if (v.has("leaf")) {
            inclusion(v);
        } else {
            consistency(v);
        }
    }

    private static VerifiedInclusionReceipt inclusion(JsonNode v) {
        byte[] receipt = Fields.hex(v, "receipt");
        Digest leaf = Fields.digest(Fields.field(v, "leaf"), "leaf");
        CoseReceiptVerifier verifier = verifier(v);
        return v.has("accumulator")
                ? verifier.verifyInclusion(receipt, leaf, Fields.accumulator(v, "accumulator"))
                : verifier.verifyInclusion(receipt, leaf);
    }

    private static VerifiedConsistencyReceipt consistency(JsonNode v) {
        return verifier(v).verifyConsistency(Fields.hex(v, "receipt"), Fields.accumulator(v, "trusted"));
    }

    private static CoseReceiptVerifier verifier(JsonNode v) {
        KeySet keys = Fields.keys(v, "trusted_keys");
        CoseReceiptVerifier.Builder builder = CoseReceiptVerifier.builder();
        if (!Fields.flag(v, "foreign")) {
            return builder.trustedKeys(keys)
                    .expectLogId(Fields.logId(v, "log_id"))
                    .build();
        }
        if (keys.keys().size() != 1) {
            throw VectorFailure.broken("a foreign receipt is checked under exactly one trusted key");
        }
        return builder.key(keys.keys().iterator().next())
                .ignoreKid()
                .ignoreLogId()
                .build();
    }
}
