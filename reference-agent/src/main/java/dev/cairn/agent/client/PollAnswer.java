package dev.cairn.agent.client;

import dev.cairn.agent.json.JsonFields;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer to a poll of a join request ({@code spec/enrollment.md} section 4): {@code request_id}
 * and {@code status}, plus by status {@code poll_after_seconds} (pending), the certificate members
 * (approved) or {@code reason} (denied), and no member of another status.
 */
public sealed interface PollAnswer permits PollAnswer.Pending, PollAnswer.Approved, PollAnswer.Denied {
    /** Longest denial reason. */
    int MAX_REASON = 256;

    /**
     * Still pending.
     *
     * @param pollAfter how long to wait before polling again
     */
    record Pending(Duration pollAfter) implements PollAnswer {
        /**
         * Checks the wait.
         *
         * @param pollAfter the wait
         */
        public Pending {
            Objects.requireNonNull(pollAfter, "pollAfter");
        }
    }

    /**
     * Approved: the certificate was issued.
     *
     * @param certificate the certificate answer
     */
    record Approved(NodeCertificate certificate) implements PollAnswer {
        /**
         * Checks the certificate.
         *
         * @param certificate the certificate
         */
        public Approved {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * Denied by an operator.
     *
     * @param reason the operator's reason
     */
    record Denied(String reason) implements PollAnswer {
        /**
         * Checks the reason.
         *
         * @param reason the reason
         */
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Parses a poll answer.
     *
     * @param json the body
     * @param requestId the request polled: the answer must name it
     * @return the answer
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED}
     */
    static PollAnswer parse(byte[] json, String requestId) {
        JsonFields fields = Wire.parse(json, "poll answer");
        String id = fields.text("request_id");
        if (!id.equals(requestId)) {
            throw fields.invalid("request_id", "the request polled, " + requestId);
        }
        String status = fields.text("status");
        PollAnswer answer = switch (status) {
            case "pending" ->
                new Pending(Duration.ofSeconds(
                        fields.integer("poll_after_seconds", 0, JoinAccepted.MAX_POLL_AFTER_SECONDS)));
            case "approved" -> new Approved(NodeCertificate.read(fields));
            case "denied" -> new Denied(fields.ascii("reason", MAX_REASON));
            default -> throw fields.invalid("status", "pending, approved or denied");
        };
        fields.end();
        return answer;
    }
}
