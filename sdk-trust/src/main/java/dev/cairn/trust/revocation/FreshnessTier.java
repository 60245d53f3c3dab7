package dev.cairn.trust.revocation;

/**
 * How much an action risks if it trusts a certificate that was revoked without the relying party
 * knowing yet; each tier needs a revocation head no older than its {@link FreshnessPolicy} bound
 * ({@code spec/revocation.md}). In order of strictness: {@code SAFE} is the least strict.
 */
public enum FreshnessTier {
    /** Reads and idempotent, low-impact actions: default bound 24 hours. */
    SAFE,
    /** Actions that change state but can be undone: default bound 1 hour. */
    RISKY,
    /** Actions that are hard to undo, such as issuing credentials or deleting data: default bound 5 minutes. */
    DANGEROUS
}
