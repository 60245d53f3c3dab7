package dev.cairn.server.enroll;

/**
 * A join token as created: the only time its secret form is shown.
 *
 * @param token the token, {@code cjt_} and 64 base64url characters; never stored or shown again
 * @param tokenId the token's id, 32 hex digits (what listings and audit statements name)
 * @param cluster the cluster it enrolls into
 * @param expiresAt when it expires (ISO-8601, UTC)
 * @param maxUses how many join requests it may carry
 * @param auditSequence the sequence of its {@code join-token.create} statement
 */
public record IssuedJoinToken(
        String token, String tokenId, String cluster, String expiresAt, int maxUses, long auditSequence) {
    @Override
    public String toString() {
        return "IssuedJoinToken[" + tokenId + ", cluster " + cluster + ", expires " + expiresAt + "]";
    }
}
