package dev.cairn.marker;

import java.util.Objects;

/**
 * What opening a segment-file stream cut from its tail (see {@code spec/marker-stream.md},
 * "Recovery"). Only a tail that was never acknowledged is cut: records written by a batch whose force
 * did not complete, or a segment file whose creation did not complete.
 *
 * @param reason why the first cut record was invalid, or {@link Reason#NONE} when nothing was cut
 * @param recordsCut whole 256-byte records removed
 * @param bytesCut bytes removed, including a partial record and a torn segment file
 * @param size the stream's size after recovery
 */
public record RecoveryReport(Reason reason, long recordsCut, long bytesCut, long size) {
    /** Why recovery cut the tail. */
    public enum Reason {
        /** The tail was clean; nothing was cut. */
        NONE,
        /** The file ended inside a record: only a partial record was cut. */
        PARTIAL_RECORD,
        /** A record's framing or checksum was wrong (torn or never written), or a field was invalid. */
        DAMAGED_RECORD,
        /** A well-formed record did not link to its predecessor (sequence, previous hash or time). */
        BROKEN_CHAIN,
        /** The newest segment file was created but its header never became durable. */
        TORN_SEGMENT
    }

    /**
     * Validates the components.
     *
     * @param reason why the tail was cut
     * @param recordsCut whole records removed, non-negative
     * @param bytesCut bytes removed, non-negative
     * @param size the size after recovery, non-negative
     */
    public RecoveryReport {
        Objects.requireNonNull(reason, "reason");
        if (recordsCut < 0 || bytesCut < 0 || size < 0) {
            throw new IllegalArgumentException("negative count in recovery report");
        }
        if (reason == Reason.NONE && (recordsCut != 0 || bytesCut != 0)) {
            throw new IllegalArgumentException("nothing cut, yet " + bytesCut + " bytes cut");
        }
    }

    /**
     * A report of a clean open.
     *
     * @param size the stream's size
     * @return a report with nothing cut
     */
    public static RecoveryReport clean(long size) {
        return new RecoveryReport(Reason.NONE, 0, 0, size);
    }

    /**
     * Whether anything was cut.
     *
     * @return {@code true} unless the reason is {@link Reason#NONE}
     */
    public boolean cutAnything() {
        return reason != Reason.NONE;
    }
}
