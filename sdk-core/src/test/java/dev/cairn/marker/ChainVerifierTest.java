package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import org.junit.jupiter.api.Test;

/** Chain verification returns a verified range or throws MARKER_CHAIN_BROKEN with the place and hashes. */
class ChainVerifierTest {
    private static InMemoryMarkerStream honest(int size) {
        InMemoryMarkerStream stream = new InMemoryMarkerStream(T0);
        for (int i = 0; i < size; i++) {
            stream.append("k", payload(i));
        }
        return stream;
    }

    /** Copies {@code source} but stores {@code replacement} at its sequence. */
    private static InMemoryMarkerStream withMarker(InMemoryMarkerStream source, Marker replacement) {
        InMemoryMarkerStream copy = new InMemoryMarkerStream(T0);
        for (Marker marker : source.range(0, source.size())) {
            copy.put(marker.seq() == replacement.seq() ? replacement : marker);
        }
        return copy;
    }

    @Test
    void anHonestStreamVerifies() {
        InMemoryMarkerStream stream = honest(10_000);
        VerifiedChain chain = ChainVerifier.verify(stream);
        assertEquals(0, chain.from());
        assertEquals(10_000, chain.toExclusive());
        assertEquals(Marker.GENESIS_PREV_HASH, chain.anchorHash());
        assertEquals(stream.get(9_999).hash(), chain.headHash());
        assertEquals(stream.get(9_999).timeMillis(), chain.headTimeMillis());

        VerifiedChain empty = ChainVerifier.verify(new InMemoryMarkerStream(T0));
        assertEquals(0, empty.toExclusive());
        assertEquals(Marker.GENESIS_PREV_HASH, empty.headHash());

        VerifiedChain range = ChainVerifier.verify(stream, 5000, 6000);
        assertEquals(stream.get(4999).hash(), range.anchorHash());
        assertEquals(stream.get(5999).hash(), range.headHash());
    }

    @Test
    void extendVerifiesOnlyTheNewMarkersAgainstTheVerifiedHead() {
        InMemoryMarkerStream stream = honest(100);
        VerifiedChain first = ChainVerifier.verify(stream);
        for (int i = 100; i < 150; i++) {
            stream.append("k", payload(i));
        }
        VerifiedChain extended = ChainVerifier.extend(first, stream, 150);
        assertEquals(0, extended.from());
        assertEquals(150, extended.toExclusive());
        assertEquals(stream.get(149).hash(), extended.headHash());
        assertEquals(
                extended.headHash(), ChainVerifier.extend(extended, stream, 150).headHash());

        // Another stream of the same length does not extend this one's verified prefix.
        InMemoryMarkerStream other = new InMemoryMarkerStream(T0 + 1);
        for (int i = 0; i < 150; i++) {
            other.append("k", payload(i));
        }
        VerificationException e =
                assertThrows(VerificationException.class, () -> ChainVerifier.extend(first, other, 150));
        assertEquals(ErrorCode.MARKER_CHAIN_BROKEN, e.code());
        assertEquals("100", e.details().get("seq"));
        assertEquals(
                ErrorCode.MARKER_NOT_FOUND,
                assertThrows(VerificationException.class, () -> ChainVerifier.extend(first, stream, 99))
                        .code());
    }

    @Test
    void aForgedPreviousHashIsReportedWithExpectedAndFound() {
        InMemoryMarkerStream stream = honest(50);
        Marker original = stream.get(20);
        Marker forged = Marker.of(20, original.timeMillis(), "k", payload(20), payload(-7));
        VerificationException e =
                assertThrows(VerificationException.class, () -> ChainVerifier.verify(withMarker(stream, forged)));
        assertEquals(ErrorCode.MARKER_CHAIN_BROKEN, e.code());
        assertEquals("20", e.details().get("seq"));
        assertEquals("prev_hash", e.details().get("field"));
        assertEquals(stream.get(19).hash().toHex(), e.details().get("expected"));
        assertEquals(payload(-7).toHex(), e.details().get("found"));
    }

    @Test
    void aChangedPayloadBreaksTheNextLink() {
        InMemoryMarkerStream stream = honest(50);
        Marker original = stream.get(30);
        Marker changed = Marker.of(30, original.timeMillis(), "k", payload(12345), original.prevHash());
        VerificationException e =
                assertThrows(VerificationException.class, () -> ChainVerifier.verify(withMarker(stream, changed)));
        assertEquals("31", e.details().get("seq"));
        assertEquals(ErrorCode.MARKER_CHAIN_BROKEN, e.code());
    }

    @Test
    void timeGoingBackwardsOrAWrongSequenceBreaksTheChain() {
        InMemoryMarkerStream stream = honest(10);
        Marker earlier = Marker.of(5, T0 - 1, "k", payload(5), stream.get(4).hash());
        VerificationException time =
                assertThrows(VerificationException.class, () -> ChainVerifier.verify(withMarker(stream, earlier)));
        assertEquals("time", time.details().get("field"));

        InMemoryMarkerStream shifted = new InMemoryMarkerStream(T0);
        for (Marker marker : stream.range(0, 10)) {
            shifted.put(marker.seq() == 5 ? stream.get(4) : marker);
        }
        VerificationException seq = assertThrows(VerificationException.class, () -> ChainVerifier.verify(shifted));
        assertEquals(ErrorCode.MARKER_CHAIN_BROKEN, seq.code());
        assertEquals("seq", seq.details().get("field"));
        assertEquals("5", seq.details().get("seq"));
    }
}
