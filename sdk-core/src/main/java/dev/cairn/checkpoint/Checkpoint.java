package dev.cairn.checkpoint;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.Accumulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signed state of a log: its id, its MMR accumulator (size and peaks, highest first), the
 * control epoch and the time of signing (see {@code spec/receipts.md}). Not trusted by itself: a
 * {@link CheckpointVerifier} turns signed bytes into a {@link VerifiedCheckpoint}.
 *
 * @param logId the log
 * @param accumulator the MMR state: size in nodes and peaks
 * @param epoch the control epoch at signing
 * @param time the time of signing, millisecond precision
 */
public record Checkpoint(LogId logId, Accumulator accumulator, long epoch, Instant time) {
    /** The protected content type of a signed checkpoint. */
    public static final String CONTENT_TYPE = "application/vnd.cairn.checkpoint+cbor";

    private static final List<CborInt> KEYS =
            List.of(CborInt.of(1), CborInt.of(2), CborInt.of(3), CborInt.of(4), CborInt.of(5));

    /**
     * Validates the components.
     *
     * @param logId the log
     * @param accumulator the MMR state
     * @param epoch the control epoch, not negative
     * @param time the time of signing: whole milliseconds, not before 1970
     * @throws IllegalArgumentException if the epoch or time is out of range
     */
    public Checkpoint {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(accumulator, "accumulator");
        Objects.requireNonNull(time, "time");
        if (epoch < 0
                || time.isBefore(Instant.EPOCH)
                || !time.truncatedTo(ChronoUnit.MILLIS).equals(time)) {
            throw new IllegalArgumentException("epoch must be >= 0 and time whole milliseconds after 1970");
        }
    }

    /**
     * The MMR size in nodes.
     *
     * @return the size
     */
    public long size() {
        return accumulator.size();
    }

    /**
     * Encodes the checkpoint as the payload of its signed form.
     *
     * @return the canonical CBOR map
     */
    public CborMap toCbor() {
        List<CborValue> peaks = new ArrayList<>();
        accumulator.peaks().forEach(p -> peaks.add(new CborBytes(p.bytes())));
        return CborMap.builder()
                .put(1, CborText.of(logId.value()))
                .put(2, CborInt.of(accumulator.size()))
                .put(3, new CborArray(peaks))
                .put(4, CborInt.of(epoch))
                .put(5, CborInt.of(time.toEpochMilli()))
                .build();
    }

    /**
     * Reads a checkpoint payload strictly: a closed map with exactly the five fields.
     *
     * @param map the decoded payload
     * @return the checkpoint
     * @throws MalformedInputException {@code CBOR_*} for wrong fields, {@link ErrorCode#MMR_SIZE_INVALID}
     *     when the peaks do not fit the size, {@link ErrorCode#RECEIPT_MALFORMED} for other values out of
     *     range
     */
    public static Checkpoint fromCbor(CborMap map) {
        map.requireOnlyKeys(KEYS);
        String logId = map.requireText(1);
        long size = map.requireInt(2);
        CborArray peakItems = map.require(CborInt.of(3), CborArray.class);
        long epoch = map.requireInt(4);
        long millis = map.requireInt(5);
        List<Digest> peaks = new ArrayList<>(peakItems.size());
        for (CborValue item : peakItems.items()) {
            if (!(item instanceof CborBytes bytes) || bytes.value().length() != Digest.LENGTH) {
                throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "peaks must be 32-byte byte strings");
            }
            peaks.add(new Digest(bytes.value()));
        }
        Accumulator accumulator = new Accumulator(size, peaks);
        if (!LogId.isValid(logId) || epoch < 0 || millis < 0) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "log id, epoch or time out of range");
        }
        return new Checkpoint(new LogId(logId), accumulator, epoch, Instant.ofEpochMilli(millis));
    }
}
