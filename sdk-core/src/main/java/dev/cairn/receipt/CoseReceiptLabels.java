package dev.cairn.receipt;

/**
 * The header labels and values of COSE Receipts (RFC 9942) in the MMR profile, as Cairn issues and
 * verifies them (see {@code spec/receipts.md}).
 */
public final class CoseReceiptLabels {
    /** {@code vds}: the verifiable data structure, protected (RFC 9942). */
    public static final long VDS = 395;

    /** {@code vdp}: the verifiable data structure proofs, unprotected (RFC 9942). */
    public static final long VDP = 396;

    /** The {@code vds} value of the MMR profile, {@code MMR_SHA256} (requested assignment 3). */
    public static final long MMR_SHA256 = 3;

    /** Key of the inclusion proofs in the {@code vdp} map. */
    public static final long INCLUSION_PROOFS = -1;

    /** Key of the consistency proofs in the {@code vdp} map. */
    public static final long CONSISTENCY_PROOFS = -2;

    /**
     * {@code tree-size-2}: the MMR size a receipt of consistency proves, protected; the private-use
     * label the profile's editor's draft uses until one is assigned.
     */
    public static final long TREE_SIZE_2 = -65933;

    /** Cairn's private-use label for the log id, protected, text. */
    public static final long LOG_ID = -65537;

    private CoseReceiptLabels() {}
}
