package dev.cairn.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.internal.Recovery;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a marker stream's hash chain (see {@code spec/marker-stream.md}, "Chain verification"):
 * marker {@code s} has sequence {@code s}, its previous hash is the hash of marker {@code s - 1} (32
 * zero bytes for marker 0), and its time is not before that marker's. Each marker's own hash is checked
 * when the marker is built. Verification returns a {@link VerifiedChain} or throws; it never returns a
 * flag.
 */
public final class ChainVerifier {
    private static final int PAGE = 4096;

    private ChainVerifier() {}

    /**
     * Verifies a whole stream as it is now.
     *
     * @param stream the stream
     * @return the verified range {@code [0, size)}
     * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN} with details {@code seq},
     *     {@code field}, {@code expected}, {@code found}
     */
    public static VerifiedChain verify(MarkerReader stream) {
        return verify(stream, 0, stream.size());
    }

    /**
     * Verifies a range, anchored at the stream's own marker {@code from - 1} when {@code from > 0}.
     *
     * @param stream the stream
     * @param from the first sequence to verify
     * @param toExclusive the end of the range, at most the stream's size
     * @return the verified range
     * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN}, or {@link
     *     ErrorCode#MARKER_NOT_FOUND} for a range outside the stream
     */
    public static VerifiedChain verify(MarkerReader stream, long from, long toExclusive) {
        if (from == 0) {
            return walk(stream, 0, toExclusive, Marker.GENESIS_PREV_HASH, 0, Marker.GENESIS_PREV_HASH);
        }
        Marker anchor = stream.get(from - 1);
        return walk(stream, from, toExclusive, anchor.hash(), anchor.timeMillis(), anchor.hash());
    }

    /**
     * Verifies what was appended after an already verified range, linking it to that range's head.
     *
     * @param prefix a verified range of the same stream
     * @param stream the stream
     * @param toExclusive the new end, not below {@code prefix.toExclusive()}
     * @return the verified range {@code [prefix.from(), toExclusive)}
     * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN} when the new markers do not
     *     link to the prefix's head, or {@link ErrorCode#MARKER_NOT_FOUND} when the stream is shorter
     */
    public static VerifiedChain extend(VerifiedChain prefix, MarkerReader stream, long toExclusive) {
        Objects.requireNonNull(prefix, "prefix");
        if (toExclusive < prefix.toExclusive()) {
            throw VerificationException.mismatch(
                    ErrorCode.MARKER_NOT_FOUND, ">= " + prefix.toExclusive(), Long.toString(toExclusive));
        }
        VerifiedChain added = walk(
                stream,
                prefix.toExclusive(),
                toExclusive,
                prefix.headHash(),
                prefix.headTimeMillis(),
                prefix.headHash());
        return new VerifiedChain(
                prefix.from(), toExclusive, prefix.anchorHash(), added.headHash(), added.headTimeMillis());
    }

    private static VerifiedChain walk(
            MarkerReader stream, long from, long toExclusive, Digest anchor, long anchorTime, Digest prev) {
        Digest expected = prev;
        long time = anchorTime;
        for (long page = from; page < toExclusive; page += PAGE) {
            List<Marker> markers = stream.range(page, Math.min(toExclusive, page + PAGE));
            for (int i = 0; i < markers.size(); i++) {
                Marker marker = markers.get(i);
                long seq = page + i;
                if (marker.seq() != seq) {
                    throw broken(seq, "seq", Long.toString(seq), Long.toString(marker.seq()));
                }
                if (!marker.prevHash().equals(expected)) {
                    throw broken(
                            seq,
                            "prev_hash",
                            expected.toHex(),
                            marker.prevHash().toHex());
                }
                if (marker.timeMillis() < time) {
                    throw broken(seq, "time", ">= " + time, Long.toString(marker.timeMillis()));
                }
                expected = marker.hash();
                time = marker.timeMillis();
            }
        }
        return new VerifiedChain(from, toExclusive, anchor, expected, time);
    }

    private static VerificationException broken(long seq, String field, String expected, String found) {
        return new VerificationException(
                ErrorCode.MARKER_CHAIN_BROKEN,
                "marker " + seq + " " + field + ": got " + found + ", want " + expected,
                Recovery.details(seq, field, expected, found),
                null);
    }
}
