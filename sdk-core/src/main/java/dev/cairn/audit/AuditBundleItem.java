package dev.cairn.audit;

import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;

/**
 * An item after an audit bundle's header: an entry of the range, or the trailer that closes the
 * bundle ({@code spec/audit-bundle.md}).
 */
public sealed interface AuditBundleItem permits AuditBundleEntry, AuditBundleTrailer {
    /**
     * Encodes the item canonically.
     *
     * @return the CBOR bytes its frame holds
     */
    byte[] encode();

    /**
     * Decodes an entry or trailer item strictly, by its shape: an array of five whose first element is
     * a byte string is a receipt entry, of five starting with an integer a marker entry, of two the
     * trailer.
     *
     * @param item the bytes of one frame after the header
     * @return the entry or trailer
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AUDIT_BUNDLE_MALFORMED}
     *     for bytes that follow none of the shapes, or break the limits; {@code MARKER_*} for marker
     *     fields the marker rules refuse
     */
    static AuditBundleItem decode(byte[] item) {
        if (item.length > AuditBundleFormat.MAX_ENTRY_BYTES) {
            throw BundleErrors.malformed(
                    "item of " + item.length + " bytes, want at most " + AuditBundleFormat.MAX_ENTRY_BYTES);
        }
        CborArray array = Items.array(Items.decode(item, AuditBundleFormat.ENTRY_LIMITS, "item"), "item", 2, 5);
        return switch (array.size()) {
            case 5 ->
                array.get(0) instanceof CborBytes ? AuditBundleEntry.receipt(array) : AuditBundleEntry.marker(array);
            case 2 -> AuditBundleTrailer.of(array);
            default ->
                throw BundleErrors.malformed("an item is an array of 5 (entry) or 2 (trailer), got " + array.size());
        };
    }
}
