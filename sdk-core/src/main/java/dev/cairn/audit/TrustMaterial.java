package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import java.util.Objects;

/**
 * Extra trust material an audit bundle carries for its verifier, opaque to the format: a type and
 * bytes ({@code spec/audit-bundle.md}, "Trust"). A verifier interprets the types it knows, such as
 * {@link AuditBundleFormat#SIGNED_TRUST_BUNDLE}, and ignores the others; none is trusted for being
 * in the bundle.
 *
 * @param type 1 to 64 printable ASCII characters without spaces
 * @param data the material, at most {@link AuditBundleFormat#MAX_TRUST_MATERIAL_BYTES}
 */
public record TrustMaterial(String type, Bytes data) {
    /**
     * Validates the components.
     *
     * @param type the material's type
     * @param data the material
     * @throws IllegalArgumentException if the type or size is out of range
     */
    public TrustMaterial {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!isValidType(type) || data.length() > AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES) {
            throw new IllegalArgumentException("trust material type must be 1-64 printable ASCII, data at most "
                    + AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES + " bytes");
        }
    }

    static boolean isValidType(String type) {
        return !type.isEmpty()
                && type.length() <= AuditBundleFormat.MAX_TRUST_MATERIAL_TYPE
                && type.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
