package dev.cairn.server.enroll.http;

import dev.cairn.server.enroll.ClusterView;
import java.util.List;

/**
 * The answer of {@code GET /v1/clusters}.
 *
 * @param clusters every cluster, by name
 */
public record ClusterList(List<ClusterView> clusters) {
    /**
     * Copies the list.
     *
     * @param clusters the clusters
     */
    public ClusterList {
        clusters = List.copyOf(clusters);
    }
}
