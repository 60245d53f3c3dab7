package dev.cairn.cbor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CBOR array (major type 4) of definite length.
 *
 * @param items the elements, in order
 */
public record CborArray(List<CborValue> items) implements CborValue {
    /**
     * Copies the list into an unmodifiable one.
     *
     * @param items the elements, in order
     */
    public CborArray {
        items = List.copyOf(items);
    }

    /**
     * Builds an array from elements.
     *
     * @param items the elements, in order
     * @return the CBOR array
     */
    public static CborArray of(CborValue... items) {
        return new CborArray(List.of(items));
    }

    /**
     * Returns the number of elements.
     *
     * @return the size
     */
    public int size() {
        return items.size();
    }

    /**
     * Returns one element.
     *
     * @param index position, from zero
     * @return the element
     */
    public CborValue get(int index) {
        return items.get(index);
    }

    @Override
    public String toDiagnostic() {
        return items.stream().map(CborValue::toDiagnostic).collect(Collectors.joining(", ", "[", "]"));
    }
}
