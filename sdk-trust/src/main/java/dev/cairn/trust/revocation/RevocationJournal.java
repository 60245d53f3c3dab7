package dev.cairn.trust.revocation;

/**
 * Where a {@link RevocationChain} makes each new entry durable, for example a database table the
 * chain is rebuilt from on restart ({@link RevocationChain#rebuild}).
 */
@FunctionalInterface
public interface RevocationJournal {
    /** A journal that keeps nothing: for chains held in memory only, such as in tests. */
    RevocationJournal NONE = entry -> {};

    /**
     * Records a new entry. MUST return only once the entry is durable, and MUST throw if it is not:
     * the chain integrates the entry only after this returns, so a failure here leaves the chain
     * unchanged. Called with the chain's lock held, one entry at a time, in index order.
     *
     * @param entry the entry about to be appended
     */
    void record(RevocationEntry entry);
}
