package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.VerifiedReceipt;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code receipt} vectors ({@code spec/receipts.md}, "Full receipt"): a full {@code receipt}
 * verified by {@link ReceiptVerifier} under the checkpoint rules and {@code epoch} ({@code null}:
 * any epoch); an accepted one names the vector's {@code sequence} and {@code subject}.
 */
final class ReceiptCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        VerifiedReceipt verified = verifier(v).verify(Fields.hex(v, "receipt"));
        Fields.same("sequence", Fields.integer(v, "sequence"), verified.marker().seq());
        Fields.same("subject", Fields.text(v, "subject"), verified.statement().subject());
    }

    @Override
    public void reject(JsonNode v) {
        verifier(v).verify(Fields.hex(v, "receipt"));
    }

    private static ReceiptVerifier verifier(JsonNode v) {
        ReceiptVerifier.Builder builder = ReceiptVerifier.builder()
                .trustedKeys(Fields.keys(v, "trusted_keys"))
                .expectLogId(Fields.logId(v, "log_id"))
                .clock(Fields.clock(Instant.ofEpochMilli(Fields.integer(v, "now_ms"))))
                .maxClockSkew(Duration.ofMillis(Fields.integer(v, "max_skew_ms")));
        if (!v.has("epoch")) {
            throw new MalformedVector("missing field epoch (null for any epoch)");
        }
        if (v.get("epoch").isNull()) {
            builder.ignoreEpoch();
        } else {
            builder.expectEpoch(Fields.integer(v, "epoch"));
        }
        return builder.build();
    }
}
