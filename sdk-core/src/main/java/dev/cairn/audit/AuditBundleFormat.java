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

    /**
     * Trust material type of a log key's certificate chain: a CBOR array of 1 to {@link
     * #MAX_CHAIN_CERTIFICATES} byte strings, each one DER X.509 certificate, leaf first; the leaf
     * certifies one of the header's log keys ({@code spec/audit-bundle.md}, "Trust").
     */
    public static final String LOG_KEY_CERTIFICATE_CHAIN = "log-key-certificate-chain";

    /**
     * Trust material type of the trust domain's signed revocation head: the COSE_Sign1 bytes of {@code
     * spec/revocation.md}, section 3. At most one per bundle.
     */
    public static final String REVOCATION_HEAD = "revocation-head";

    /**
     * Trust material type of revocation entries: one CBOR {@code revocation-entries} array of {@code
     * spec/revocation.md}, section 1. The entries of every such material, in header order, are the
     * head's chain from index 0.
     */
    public static final String REVOCATION_ENTRIES = "revocation-entries";

    /** Most certificates in a {@link #LOG_KEY_CERTIFICATE_CHAIN}, as in a certificate file ({@code spec/ca.md}). */
    public static final int MAX_CHAIN_CERTIFICATES = 8;

    /** Largest certificate in a {@link #LOG_KEY_CERTIFICATE_CHAIN}, in bytes ({@code spec/ca.md}). */
    public static final int MAX_CERTIFICATE_BYTES = 16 << 10;

    /** CBOR bounds of the header item. */
    static final CborLimits HEADER_LIMITS =
            new CborLimits(MAX_HEADER_BYTES, 8, 1 << 18, MAX_TRUST_MATERIAL_BYTES, Set.of());

    /** CBOR bounds of entry and trailer items. */
    static final CborLimits ENTRY_LIMITS = new CborLimits(MAX_ENTRY_BYTES, 2, 16, MAX_ENTRY_BYTES, Set.of());

    private AuditBundleFormat() {}
}
