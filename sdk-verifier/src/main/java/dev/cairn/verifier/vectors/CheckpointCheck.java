package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code checkpoint} vectors ({@code spec/receipts.md}, "Checkpoint"): a signed {@code checkpoint}
 * verified by {@link CheckpointVerifier} under the vector's rules ({@code trusted_keys}, {@code
 * log_id}, {@code now_ms}, {@code max_skew_ms}); an accepted one has the vector's {@code size}.
 */
final class CheckpointCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        VerifiedCheckpoint verified = verifier(v).verify(Fields.hex(v, "checkpoint"));
        Fields.same("size", Fields.integer(v, "size"), verified.checkpoint().size());
    }

    @Override
    public void reject(JsonNode v) {
        verifier(v).verify(Fields.hex(v, "checkpoint"));
    }

    private static CheckpointVerifier verifier(JsonNode v) {
        return CheckpointVerifier.builder()
                .trustedKeys(Fields.keys(v, "trusted_keys"))
                .expectLogId(Fields.logId(v, "log_id"))
                .clock(Fields.clock(Instant.ofEpochMilli(Fields.integer(v, "now_ms"))))
                .maxClockSkew(Duration.ofMillis(Fields.integer(v, "max_skew_ms")))
                .build();
    }
}
