package dev.cairn.agent.client;

import dev.cairn.agent.json.JsonFields;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a heartbeat: {@code {"server_time", "bundle_sequence", "revocation_sequence",
 * "renew_after"}}. The sequences tell the agent whether a newer trust bundle or revocation head
 * exists.
 *
 * @param serverTime the server's clock
 * @param bundleSequence the current trust bundle's sequence
 * @param revocationSequence the newest revocation head's sequence, -1 before the first
 * @param renewAfter when the server suggests renewing the certificate the call was made with
 */
public record HeartbeatAck(Instant serverTime, long bundleSequence, long revocationSequence, Instant renewAfter) {
    /**
     * Checks the members.
     *
     * @param serverTime the time
     * @param bundleSequence the bundle sequence
     * @param revocationSequence the head sequence
     * @param renewAfter the renewal suggestion
     */
    public HeartbeatAck {
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(renewAfter, "renewAfter");
    }

    /**
     * Parses an answer strictly: exactly the four members.
     *
     * @param json the body
     * @return the answer
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED}
     */
    public static HeartbeatAck parse(byte[] json) {
        JsonFields fields = Wire.parse(json, "heartbeat answer");
        HeartbeatAck ack = new HeartbeatAck(
                fields.instant("server_time"),
                fields.integer("bundle_sequence", 0, Long.MAX_VALUE),
                fields.integer("revocation_sequence", -1, Long.MAX_VALUE),
                fields.instant("renew_after"));
        fields.end();
        return ack;
    }
}
