package dev.cairn.server.enroll.http;

import dev.cairn.server.enroll.JoinRequestView;
import java.util.List;

/**
 * The answer of {@code GET /v1/join-requests}.
 *
 * @param joinRequests the requests with their evidence, oldest first
 */
public record JoinRequestList(List<JoinRequestView> joinRequests) {
    /**
     * Copies the list.
     *
     * @param joinRequests the requests
     */
    public JoinRequestList {
        joinRequests = List.copyOf(joinRequests);
    }
}
