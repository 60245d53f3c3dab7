package dev.cairn.cbor;

import java.util.Objects;

/**
 * A tagged data item (major type 6). Decoders accept tags only where {@link CborLimits#allowedTags()}
 * lists them.
 *
 * @param tag the tag number, non-negative
 * @param content the tagged item
 */
public record CborTag(long tag, CborValue content) implements CborValue {
    /**
     * Validates the components.
     *
     * @param tag the tag number, non-negative
     * @param content the tagged item
     */
    public CborTag {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must be non-negative: " + tag);
        }
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toDiagnostic() {
        return tag + "(" + content.toDiagnostic() + ")";
    }
}
