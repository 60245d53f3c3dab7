package dev.cairn.trust.bundle;

import java.util.Optional;

/** Where a CA certificate of a {@link TrustBundle} stands in the trust domain's rotation. */
public enum CaStatus {
    /** A CA whose certificates relying parties accept now: the issuing CA, or one being retired. */
    CURRENT("current"),
    /** A CA published ahead of a rotation, so that relying parties hold it before it issues. */
    NEXT("next");

    private final String jsonName;

    CaStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * The value of the {@code cairn_status} member in the JWKS form.
     *
     * @return {@code current} or {@code next}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The status a {@code cairn_status} value names.
     *
     * @param jsonName the member's value
     * @return the status, or empty for any other text
     */
    public static Optional<CaStatus> fromJsonName(String jsonName) {
        for (CaStatus status : values()) {
            if (status.jsonName.equals(jsonName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
