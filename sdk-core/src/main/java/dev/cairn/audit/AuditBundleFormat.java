package dev.cairn.audit;

import dev.cairn.cbor.CborLimits;
import java.util.Set;

/**
 * The constants of the audit bundle format, version 1 ({@code spec/audit-bundle.md}): its version,
 * the bounds every reader enforces before it allocates, and the trust material types a verifier
 * understands.
 */
public final class AuditBundleFormat {
    /** The format version a header states. */
    public static final long VERSION = 1;

    /** Largest header item, in bytes. */
    public static final int MAX_HEADER_BYTES = 4 << 20;

    /** Largest entry item (one marker or receipt), in bytes. */
    public static final int MAX_ENTRY_BYTES = 64 << 10;

    /** Largest trailer item, in bytes. */
    public static final int MAX_TRAILER_BYTES = 64;

    /** Most log keys a header lists. */
    public static final int MAX_LOG_KEYS = 16;

    /** Most trust material entries a header carries. */
    public static final int MAX_TRUST_MATERIAL = 16;

    /** Largest trust material entry, in bytes. */
    public static final int MAX_TRUST_MATERIAL_BYTES = 1 << 20;

    /** Longest trust material type, in ASCII characters. */
    public static final int MAX_TRUST_MATERIAL_TYPE = 64;

    /** Largest signed checkpoint, in bytes. */
    public static final int MAX_CHECKPOINT_BYTES = 64 << 10;

    /** Most older checkpoints a header chains. */
    public static final int MAX_OLDER_CHECKPOINTS = 64;

    /**
     * Trust material type of a signed trust bundle: the COSE_Sign1 bytes of {@code
     * spec/trust-bundle.md}, "Signed bundle".
     */
    public static final String SIGNED_TRUST_BUNDLE = "signed-trust-bundle";

    /** CBOR bounds of the header item. */
    static final CborLimits HEADER_LIMITS =
            new CborLimits(MAX_HEADER_BYTES, 8, 1 << 18, MAX_TRUST_MATERIAL_BYTES, Set.of());

    /** CBOR bounds of entry and trailer items. */
    static final CborLimits ENTRY_LIMITS = new CborLimits(MAX_ENTRY_BYTES, 2, 16, MAX_ENTRY_BYTES, Set.of());

    private AuditBundleFormat() {}
}
