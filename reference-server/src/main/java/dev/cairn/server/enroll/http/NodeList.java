package dev.cairn.server.enroll.http;

import dev.cairn.server.enroll.NodeView;
import java.util.List;

/**
 * The answer of {@code GET /v1/nodes}.
 *
 * @param nodes the nodes, oldest first
 */
public record NodeList(List<NodeView> nodes) {
    /**
     * Copies the list.
     *
     * @param nodes the nodes
     */
    public NodeList {
        nodes = List.copyOf(nodes);
    }
}
