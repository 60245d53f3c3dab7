package dev.cairn.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.marker.Marker;
import java.util.List;
import java.util.Objects;

/**
 * The marker just before an audit bundle's range, with the inclusion path of its hash in the
 * accumulator the range starts from ({@code spec/audit-bundle.md}): the anchor the range's first
 * {@code prev_hash} and time link to.
 *
 * @param marker the marker at sequence {@code first - 1}
 * @param path its leaf's inclusion path to the last peak of the start accumulator, bottom up
 */
public record RangeAnchor(Marker marker, List<Digest> path) {
    /**
     * Validates the components.
     *
     * @param marker the marker before the range
     * @param path the inclusion path, at most 64 entries
     */
    public RangeAnchor {
        Objects.requireNonNull(marker, "marker");
        path = List.copyOf(path);
        if (path.size() > 64) {
            throw new IllegalArgumentException("an inclusion path has at most 64 entries");
        }
    }
}
