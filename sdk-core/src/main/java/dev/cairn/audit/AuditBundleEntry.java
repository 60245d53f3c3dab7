package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborText;
import dev.cairn.marker.Marker;
import dev.cairn.receipt.FullReceipt;
import java.util.Objects;
import java.util.Optional;

/**
 * One marker of an audit bundle's range, with the signed statement it records when it is a receipt
 * ({@code spec/audit-bundle.md}, "Entries"). A receipt entry carries the statement and the marker's
 * fields without its payload digest, which is the statement's digest; a marker entry carries the
 * marker's hashed content exactly.
 *
 * @param marker the marker; its hash is always right ({@link Marker} checks it)
 * @param statement the encoded COSE_Sign1 statement whose digest is the marker's payload digest, or
 *     empty for a marker entry
 */
public record AuditBundleEntry(Marker marker, Optional<Bytes> statement) implements AuditBundleItem {
    /**
     * Validates the components.
     *
     * @param marker the marker
     * @param statement the statement, or empty
     * @throws IllegalArgumentException if the marker's payload digest is not the statement's, or the
     *     entry would be larger than the format allows
     */
    public AuditBundleEntry {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(statement, "statement");
        statement.ifPresent(s -> {
            if (s.length() == 0 || s.length() > AuditBundleFormat.MAX_ENTRY_BYTES - 128) {
                throw new IllegalArgumentException("a statement of 1 to " + (AuditBundleFormat.MAX_ENTRY_BYTES - 128)
                        + " bytes, got " + s.length());
            }
            if (!marker.payloadDigest().equals(FullReceipt.statementDigest(s))) {
                throw new IllegalArgumentException("marker " + marker.seq() + " does not carry the statement's digest");
            }
        });
    }

    /**
     * A receipt entry.
     *
     * @param marker the marker the statement was appended as
     * @param statement the signed statement
     * @return the entry
     */
    public static AuditBundleEntry receipt(Marker marker, Bytes statement) {
        return new AuditBundleEntry(marker, Optional.of(statement));
    }

    /**
     * A marker entry, for a marker whose payload the bundle does not carry.
     *
     * @param marker the marker
     * @return the entry
     */
    public static AuditBundleEntry marker(Marker marker) {
        return new AuditBundleEntry(marker, Optional.empty());
    }

    @Override
    public byte[] encode() {
        if (statement.isEmpty()) {
            return marker.content().toByteArray();
        }
        return Cbor.encode(CborArray.of(
                new CborBytes(statement.get()),
                CborInt.of(marker.seq()),
                CborInt.of(marker.timeMillis()),
                CborText.of(marker.kind()),
                new CborBytes(marker.prevHash().bytes())));
    }

    static AuditBundleEntry receipt(CborArray a) {
        Bytes statement = Items.bytes(a.get(0), "statement", 1, AuditBundleFormat.MAX_ENTRY_BYTES);
        Marker marker = Marker.of(
                Items.uint(a.get(1), "seq"),
                Items.uint(a.get(2), "time"),
                Items.text(a.get(3), "kind"),
                FullReceipt.statementDigest(statement),
                Items.hash(a.get(4), "previous hash"));
        return new AuditBundleEntry(marker, Optional.of(statement));
    }

    static AuditBundleEntry marker(CborArray a) {
        Marker marker = Marker.of(
                Items.uint(a.get(0), "seq"),
                Items.uint(a.get(1), "time"),
                Items.text(a.get(2), "kind"),
                Items.hash(a.get(3), "payload digest"),
                Items.hash(a.get(4), "previous hash"));
        return new AuditBundleEntry(marker, Optional.empty());
    }
}
