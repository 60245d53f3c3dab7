package dev.cairn.cbor;

import java.util.Set;

/**
 * Bounds a decoder enforces before it allocates: total input size, nesting depth, number of data
 * items, length of one string, and the tags allowed anywhere in the input.
 *
 * @param maxInputBytes largest accepted input, in bytes
 * @param maxDepth deepest accepted nesting of arrays, maps and tags; a scalar at top level has depth 0
 * @param maxItems most data items in one input, counting every key, value and element
 * @param maxStringBytes longest accepted byte or text string, in bytes
 * @param allowedTags tag numbers accepted; every other tag is rejected
 */
public record CborLimits(int maxInputBytes, int maxDepth, int maxItems, int maxStringBytes, Set<Long> allowedTags) {
    /** Limits for protocol objects: 1 MiB, depth 16, 65,536 items, 1 MiB strings, no tags. */
    public static final CborLimits DEFAULT = new CborLimits(1 << 20, 16, 1 << 16, 1 << 20, Set.of());

    /**
     * Validates the bounds.
     *
     * @param maxInputBytes largest accepted input, in bytes
     * @param maxDepth deepest accepted nesting
     * @param maxItems most data items in one input
     * @param maxStringBytes longest accepted string, in bytes
     * @param allowedTags tag numbers accepted
     */
    public CborLimits {
        if (maxInputBytes < 1 || maxDepth < 0 || maxItems < 1 || maxStringBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        allowedTags = Set.copyOf(allowedTags);
    }

    /**
     * Returns these limits with another total size bound.
     *
     * @param bytes largest accepted input, in bytes
     * @return new limits
     */
    public CborLimits withMaxInputBytes(int bytes) {
        return new CborLimits(bytes, maxDepth, maxItems, maxStringBytes, allowedTags);
    }

    /**
     * Returns these limits with another depth bound.
     *
     * @param depth deepest accepted nesting
     * @return new limits
     */
    public CborLimits withMaxDepth(int depth) {
        return new CborLimits(maxInputBytes, depth, maxItems, maxStringBytes, allowedTags);
    }

    /**
     * Returns these limits with another item-count bound.
     *
     * @param items most data items in one input
     * @return new limits
     */
    public CborLimits withMaxItems(int items) {
        return new CborLimits(maxInputBytes, maxDepth, items, maxStringBytes, allowedTags);
    }

    /**
     * Returns these limits with another string-length bound.
     *
     * @param bytes longest accepted string, in bytes
     * @return new limits
     */
    public CborLimits withMaxStringBytes(int bytes) {
        return new CborLimits(maxInputBytes, maxDepth, maxItems, bytes, allowedTags);
    }

    /**
     * Returns these limits with another set of allowed tags.
     *
     * @param tags tag numbers accepted
     * @return new limits
     */
    public CborLimits withAllowedTags(Set<Long> tags) {
        return new CborLimits(maxInputBytes, maxDepth, maxItems, maxStringBytes, tags);
    }
}
