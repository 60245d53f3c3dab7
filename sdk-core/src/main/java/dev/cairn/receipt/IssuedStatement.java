package dev.cairn.receipt;

import dev.cairn.bytes.Bytes;
import dev.cairn.marker.Marker;
import java.util.Objects;

/**
 * A statement a {@link ReceiptLog} signed and appended durably: the signed bytes (keep them; the
 * log stores only their digest), the statement, and its marker.
 *
 * @param signed the encoded COSE_Sign1 statement
 * @param statement the statement
 * @param marker the durable marker that carries its digest
 */
public record IssuedStatement(Bytes signed, Statement statement, Marker marker) {
    /**
     * Validates the components.
     *
     * @param signed the signed statement
     * @param statement the statement
     * @param marker the marker
     */
    public IssuedStatement {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(marker, "marker");
    }
}
