package dev.cairn.trust.revocation;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive revocation entries as one message, how an issuer serves a range of its
 * chain: a CBOR array of entry maps, at most {@link #MAX_ENTRIES} of them ({@code
 * spec/revocation.md}). Longer ranges travel as several messages.
 */
public final class RevocationEntries {
    /** Most entries in one message. */
    public static final int MAX_ENTRIES = 4096;

    /** Largest message accepted by {@link #decode(byte[])}, in bytes. */
    public static final int MAX_ENCODED_BYTES = 5 + MAX_ENTRIES * RevocationEntry.MAX_ENCODED_BYTES / 2;

    private static final CborLimits LIMITS = CborLimits.DEFAULT
            .withMaxInputBytes(MAX_ENCODED_BYTES)
            .withMaxDepth(2)
            .withMaxItems(1 + 9 * MAX_ENTRIES)
            .withMaxStringBytes(64);

    private RevocationEntries() {}

    /**
     * Encodes entries as one message.
     *
     * @param entries at most {@link #MAX_ENTRIES} entries, consecutive by index
     * @return the canonical CBOR array
     * @throws IllegalArgumentException if there are too many entries or their indexes are not
     *     consecutive
     */
    public static byte[] encode(List<RevocationEntry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(entries.size() + " entries, want at most " + MAX_ENTRIES);
        }
        List<CborValue> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0 && entries.get(i).index() != entries.get(i - 1).index() + 1) {
                throw new IllegalArgumentException("entry indexes must be consecutive");
            }
            items.add(entries.get(i).toCbor());
        }
        return Cbor.encode(new CborArray(items));
    }

    /**
     * Decodes a message strictly: canonical CBOR within the limits, an array of at most {@link
     * #MAX_ENTRIES} entries whose indexes are consecutive. Whether they extend a chain is checked
     * later, against a {@link ChainPosition}.
     *
     * @param encoded the bytes
     * @return the entries, in order
     * @throws MalformedInputException {@link ErrorCode#REVOCATION_MALFORMED} or {@code CBOR_*}
     */
    public static List<RevocationEntry> decode(byte[] encoded) {
        CborValue value = Cbor.decode(encoded, LIMITS);
        if (!(value instanceof CborArray array)) {
            throw Wire.malformed("revocation entries must be an array");
        }
        if (array.size() > MAX_ENTRIES) {
            throw Wire.malformed(array.size() + " entries, want at most " + MAX_ENTRIES);
        }
        List<RevocationEntry> entries = new ArrayList<>(array.size());
        for (CborValue item : array.items()) {
            RevocationEntry entry = RevocationEntry.fromCbor(item);
            if (!entries.isEmpty()
                    && entry.index() != entries.get(entries.size() - 1).index() + 1) {
                throw Wire.malformed("entry index " + entry.index() + " follows "
                        + entries.get(entries.size() - 1).index() + "; want consecutive indexes");
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }
}
