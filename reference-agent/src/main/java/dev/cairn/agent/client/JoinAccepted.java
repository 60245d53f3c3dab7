package dev.cairn.agent.client;

import dev.cairn.agent.json.JsonFields;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's answer to a join request (202): {@code {"request_id", "status", "poll_secret",
 * "poll_after_seconds"}}. The poll secret is shown once; the agent stores it to poll with.
 *
 * @param requestId {@code jr-} and 16 lowercase hex digits
 * @param approved whether the server approved at once ({@code status} {@code approved}), else pending
 * @param pollSecret the 32-byte poll secret
 * @param pollAfter how long to wait before the first poll
 */
public record JoinAccepted(String requestId, boolean approved, SecretBytes pollSecret, Duration pollAfter) {
    /** Longest wait between polls the agent accepts from the server. */
    public static final long MAX_POLL_AFTER_SECONDS = 3600;

    /** Length of a poll secret. */
    public static final int POLL_SECRET_BYTES = 32;

    /**
     * Checks the members.
     *
     * @param requestId the id
     * @param approved whether approved
     * @param pollSecret the secret
     * @param pollAfter the wait
     */
    public JoinAccepted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(pollSecret, "pollSecret");
        Objects.requireNonNull(pollAfter, "pollAfter");
    }

    /**
     * Parses the answer strictly: exactly these four members, of their types and forms.
     *
     * @param json the body
     * @return the answer
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED}
     */
    public static JoinAccepted parse(byte[] json) {
        JsonFields fields = Wire.parse(json, "join request answer");
        String id = fields.text("request_id");
        if (!Wire.REQUEST_ID.matcher(id).matches()) {
            throw fields.invalid("request_id", "jr- and 16 lowercase hex digits");
        }
        String status = fields.text("status");
        if (!status.equals("pending") && !status.equals("approved")) {
            throw fields.invalid("status", "pending or approved");
        }
        SecretBytes secret = pollSecret(fields, fields.text("poll_secret"));
        long after = fields.integer("poll_after_seconds", 0, MAX_POLL_AFTER_SECONDS);
        fields.end();
        return new JoinAccepted(id, status.equals("approved"), secret, Duration.ofSeconds(after));
    }

    private static SecretBytes pollSecret(JsonFields fields, String text) {
        Bytes bytes;
        try {
            bytes = Bytes.fromBase64Url(text);
        } catch (IllegalArgumentException e) {
            throw fields.invalid("poll_secret", "unpadded base64url");
        }
        if (bytes.length() != POLL_SECRET_BYTES || !bytes.toBase64Url().equals(text)) {
            throw fields.invalid("poll_secret", POLL_SECRET_BYTES + " bytes in unpadded base64url");
        }
        return SecretBytes.copyOf(bytes.toByteArray(), InsecureSecretKeyAccess.get());
    }
}
