package dev.cairn.server.enroll;

/**
 * The answer to a join request (202).
 *
 * @param requestId {@code jr-} and 16 hex digits
 * @param status {@code pending}, or {@code approved} when the server approves automatically
 * @param pollSecret the secret to poll with (unpadded base64url of 32 bytes); shown once
 * @param pollAfterSeconds how long to wait before polling
 */
public record JoinAccepted(String requestId, String status, String pollSecret, long pollAfterSeconds) {
    @Override
    public String toString() {
        return "JoinAccepted[" + requestId + ", " + status + "]";
    }
}
