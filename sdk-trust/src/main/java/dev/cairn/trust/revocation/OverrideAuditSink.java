package dev.cairn.trust.revocation;

/**
 * Receives every use of a {@link FreshnessOverride}, supplied by the caller of {@link
 * RevocationState} (for example, it appends a receipt to the audit log).
 *
 * <p>Called synchronously before the check returns or throws. If it throws, nothing passes
 * unaudited: a check that would pass fails with the sink's exception, and a check that fails
 * still fails with its own code (the sink's exception added as suppressed).
 */
@FunctionalInterface
public interface OverrideAuditSink {
    /**
     * Records one use of an override.
     *
     * @param event what was checked and how it ended
     */
    void record(OverrideEvent event);
}
