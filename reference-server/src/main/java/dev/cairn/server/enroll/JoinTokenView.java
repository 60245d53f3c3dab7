package dev.cairn.server.enroll;

/**
 * A join token without its secret.
 *
 * @param tokenId the id, 32 hex digits
 * @param cluster the cluster
 * @param expiresAt when it expires (ISO-8601, UTC)
 * @param maxUses how many join requests it may carry
 * @param used how many it carried
 * @param revoked whether an operator withdrew it
 */
public record JoinTokenView(String tokenId, String cluster, String expiresAt, int maxUses, int used, boolean revoked) {}
