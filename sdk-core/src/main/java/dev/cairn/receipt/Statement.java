package dev.cairn.receipt;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Marker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An execution receipt's statement: the record of one action, signed by the log and appended to it
 * as a marker (see {@code spec/receipts.md}).
 *
 * @param logId the log the statement is appended to
 * @param kind the kind of action, also the marker kind: 1-64 printable ASCII characters
 * @param actor the identity that acted, a URI in the trust domain
 * @param subject what the action was about
 * @param epoch the control epoch the action ran in
 * @param sequence the marker sequence the statement is appended at
 * @param time when the action was decided, whole milliseconds
 * @param policyHash the hash of the policy or snapshot the action was decided under
 * @param requestHash the hash of the request
 * @param outcome {@code "ok"}, or the error code the action ended with
 */
public record Statement(
        LogId logId,
        String kind,
        String actor,
        String subject,
        long epoch,
        long sequence,
        Instant time,
        Digest policyHash,
        Digest requestHash,
        String outcome) {
    /** The protected content type of a signed statement. */
    public static final String CONTENT_TYPE = "application/vnd.cairn.statement+cbor";

    /** The outcome of an action that succeeded. */
    public static final String OK = "ok";

    private static final List<CborInt> KEYS = keys();

    /**
     * Validates the components.
     *
     * @param logId the log
     * @param kind the kind of action
     * @param actor the acting identity
     * @param subject the subject
     * @param epoch the epoch, not negative
     * @param sequence the marker sequence, not negative
     * @param time the time, whole milliseconds after 1970
     * @param policyHash the policy or snapshot hash
     * @param requestHash the request hash
     * @param outcome the outcome, not empty
     * @throws IllegalArgumentException for values out of range
     * @throws MalformedInputException {@link ErrorCode#MARKER_KIND_INVALID} for a bad kind
     */
    public Statement {
        Objects.requireNonNull(logId, "logId");
        Marker.checkKind(kind);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(policyHash, "policyHash");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(outcome, "outcome");
        if (epoch < 0 || sequence < 0 || outcome.isEmpty()) {
            throw new IllegalArgumentException("epoch and sequence must be >= 0 and the outcome not empty");
        }
        if (time.isBefore(Instant.EPOCH) || !time.truncatedTo(ChronoUnit.MILLIS).equals(time)) {
            throw new IllegalArgumentException("time must be whole milliseconds after 1970: " + time);
        }
    }

    /**
     * Encodes the statement as the payload of its signed form.
     *
     * @return the canonical CBOR map
     */
    public CborMap toCbor() {
        return CborMap.builder()
                .put(1, CborText.of(logId.value()))
                .put(2, CborText.of(kind))
                .put(3, CborText.of(actor))
                .put(4, CborText.of(subject))
                .put(5, CborInt.of(epoch))
                .put(6, CborInt.of(sequence))
                .put(7, CborInt.of(time.toEpochMilli()))
                .put(8, new CborBytes(policyHash.bytes()))
                .put(9, new CborBytes(requestHash.bytes()))
                .put(10, CborText.of(outcome))
                .build();
    }

    /**
     * Reads a statement payload strictly: a closed map with exactly the ten fields.
     *
     * @param map the decoded payload
     * @return the statement
     * @throws MalformedInputException {@code CBOR_*} for wrong fields, {@link ErrorCode#RECEIPT_MALFORMED}
     *     or {@link ErrorCode#MARKER_KIND_INVALID} for values out of range
     */
    public static Statement fromCbor(CborMap map) {
        map.requireOnlyKeys(KEYS);
        String logId = map.requireText(1);
        long epoch = map.requireInt(5);
        long sequence = map.requireInt(6);
        long millis = map.requireInt(7);
        String outcome = map.requireText(10);
        if (!LogId.isValid(logId) || epoch < 0 || sequence < 0 || millis < 0 || outcome.isEmpty()) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "statement field out of range");
        }
        return new Statement(
                new LogId(logId),
                map.requireText(2),
                map.requireText(3),
                map.requireText(4),
                epoch,
                sequence,
                Instant.ofEpochMilli(millis),
                digest(map, 8),
                digest(map, 9),
                outcome);
    }

    private static Digest digest(CborMap map, long key) {
        var bytes = map.requireBytes(key);
        if (bytes.length() != Digest.LENGTH) {
            throw new MalformedInputException(
                    ErrorCode.RECEIPT_MALFORMED, "field " + key + ": got " + bytes.length() + " bytes, want 32");
        }
        return new Digest(bytes);
    }

    private static List<CborInt> keys() {
        List<CborInt> keys = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            keys.add(CborInt.of(k));
        }
        return List.copyOf(keys);
    }
}
