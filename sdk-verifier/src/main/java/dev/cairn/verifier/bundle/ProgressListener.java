package dev.cairn.verifier.bundle;

/**
 * Told how far a verification has got, for a progress bar. Called after each batch of entries has
 * been checked and integrated, from a verifier thread, never concurrently, with {@code done}
 * increasing; it must return quickly and not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports progress.
     *
     * @param done entries verified so far
     * @param total entries in the bundle, as its header states
     */
    void progress(long done, long total);
}
