package dev.cairn.tools.vectors;

import static dev.cairn.errors.ErrorCode.REVOCATION_CHAIN_BROKEN;
import static dev.cairn.errors.ErrorCode.REVOCATION_HEAD_ROLLBACK;
import static dev.cairn.errors.ErrorCode.REVOCATION_MALFORMED;
import static dev.cairn.tools.vectors.TrustFixture.T0;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.tools.vectors.HeadVector.Signed;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.revocation.ChainPosition;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.revocation.RevocationState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed revocation heads as a relying party's {@link RevocationState} takes them ({@code
 * spec/revocation.md}, sections 3 and 4): optional {@code held} updates first, which must succeed,
 * then the update under test. Accepted ones give the decoded head and the revoked serials; rejected
 * ones carry one mutation each: of the signature, the signer, the payload, the entries, or the order
 * against the head held. Heads are signed by the Ed25519 vector CA unless a name says otherwise.
 */
final class TrustRevocationVectors {
    static final String TYPE = "revocation-head";

    /** Serials at both ends of RFC 5280's range, and a 127-bit one as Cairn's CA draws them. */
    private static final List<RevocationEntry> ENTRIES = List.of(
            new RevocationEntry(0, BigInteger.ONE, RevocationReason.UNSPECIFIED, T0),
            new RevocationEntry(
                    1,
                    new BigInteger("5a0f3c9e1d2b4a6870c3e5f7a9b1d3e5", 16),
                    RevocationReason.KEY_COMPROMISE,
                    T0.plusSeconds(1)),
            new RevocationEntry(
                    2,
                    BigInteger.TWO.pow(159).subtract(BigInteger.ONE),
                    RevocationReason.PRIVILEGE_WITHDRAWN,
                    T0.plusSeconds(2)));

    private static final List<RevocationEntry> TWO = ENTRIES.subList(0, 2);
    private static final SigningKey ED = TrustFixture.ED25519.key();
    private static final Instant AT1 = T0.plusSeconds(60);
    private static final Instant AT2 = T0.plusSeconds(120);

    private final VectorSet set;
    /** Sequence 1 over the first two entries. */
    private final Signed h1 = head(ED, 1, 2, AT1);
    /** Sequence 2 over all three. */
    private final Signed h2 = head(ED, 2, 3, AT2);

    private TrustRevocationVectors(VectorSet set) {
        this.set = set;
    }

    static void generate(VectorSet set) {
        TrustRevocationVectors g = new TrustRevocationVectors(set);
        g.accepted();
        g.signatures();
        g.entries();
        g.order();
        g.payloads();
    }

    private void accepted() {
        accept("head-ed25519-from-start", "three entries from index 0, signed with Ed25519")
                .accepts(h2, ENTRIES, true, ENTRIES);
        accept("head-p256-from-start", "three entries from index 0, signed with ES256")
                .accepts(head(TrustFixture.P256.key(), 2, 3, AT2), ENTRIES, true, ENTRIES);
        accept("head-empty-chain", "sequence 0, size 0, the genesis value")
                .accepts(head(ED, 0, 0, AT1), List.of(), true, List.of());
        accept("head-extends-held", "held: sequence 1 of two entries; then sequence 2 with the third only")
                .held(h1, TWO)
                .accepts(h2, ENTRIES.subList(2, 3), false, ENTRIES);
        accept("head-same-head-again", "held: sequence 1; then the same head again without entries")
                .held(h1, TWO)
                .accepts(h1, List.of(), false, TWO);
        accept("head-whole-chain-over-held", "held: sequence 1; then sequence 2 with the whole chain")
                .held(h1, TWO)
                .accepts(h2, ENTRIES, true, ENTRIES);
    }

    private void signatures() {
        byte[] flipped = h2.bytes().clone();
        flipped[flipped.length - 1] ^= 0x01;
        reject("head-signature-flipped", ErrorCode.COSE_BAD_SIGNATURE, "the last signature byte flipped")
                .update(flipped, ENTRIES, true);
        Signed stranger = head(VectorKeys.key(KeyType.ED25519, 18), 2, 3, AT2);
        reject("head-untrusted-signer", ErrorCode.SIGNATURE_KEY_UNTRUSTED, "signed by a key that is no CA key")
                .update(stranger.bytes(), ENTRIES, true);
        RevocationHead other = new RevocationHead(
                TrustFixture.OTHER_DOMAIN, 2, 3, h2.head().chainValue(), AT2, AT2.plus(HeadVector.VALIDITY));
        reject(
                        "head-other-trust-domain",
                        ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                        "a head for other.example, signed by a trusted key")
                .update(new RevocationHeadSigner(ED).sign(other), ENTRIES, true);
        byte[] asBundle =
                HeadVector.signed(ED, TrustBundleSigner.CONTENT_TYPE, h2.head().encode());
        reject(
                        "head-content-type-of-a-bundle",
                        ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                        "the head signed under the bundle content type")
                .update(asBundle, ENTRIES, true);
        Instant future = HeadVector.NOW.plus(Duration.ofSeconds(60)).plusMillis(1);
        reject("head-issued-beyond-skew", ErrorCode.REVOCATION_HEAD_STALE, "issued 60 s 1 ms after now")
                .update(head(ED, 2, 3, future).bytes(), ENTRIES, true);
    }

    private void entries() {
        List<RevocationEntry> reasonChanged = new ArrayList<>(ENTRIES);
        RevocationEntry e1 = ENTRIES.get(1);
        reasonChanged.set(1, new RevocationEntry(1, e1.serial(), RevocationReason.SUPERSEDED, e1.revokedAt()));
        reject("head-entry-reason-changed", REVOCATION_CHAIN_BROKEN, "entry 1's reason changed: no longer the head's")
                .update(h2.bytes(), reasonChanged, true);
        reject("head-entry-missing", REVOCATION_CHAIN_BROKEN, "the head says 3 entries, 2 are given")
                .update(h2.bytes(), TWO, true);
        List<RevocationEntry> twice = List.of(
                ENTRIES.get(0),
                ENTRIES.get(1),
                new RevocationEntry(2, BigInteger.ONE, RevocationReason.SUPERSEDED, T0.plusSeconds(2)));
        reject("head-serial-twice", REVOCATION_CHAIN_BROKEN, "a signed chain that revokes serial 1 twice")
                .update(Signed.of(ED, 2, position(twice), AT2).bytes(), twice, true);
        reject("head-forks-from-held", REVOCATION_CHAIN_BROKEN, "held: sequence 1; then a chain whose entry 1 differs")
                .held(h1, TWO)
                .update(Signed.of(ED, 2, position(reasonChanged), AT2).bytes(), reasonChanged, true);
        byte[] gap = Cbor.encode(
                new CborArray(List.of(ENTRIES.get(0).toCbor(), ENTRIES.get(2).toCbor())));
        reject("head-entries-index-gap", REVOCATION_MALFORMED, "entries 0 and 2 as one message")
                .update(h2.bytes(), gap, true);
    }

    private void order() {
        reject("head-older-than-held", REVOCATION_HEAD_ROLLBACK, "held: sequence 2; then sequence 1")
                .held(h2, ENTRIES)
                .update(h1.bytes(), TWO, true);
        reject(
                        "head-same-sequence-other-content",
                        REVOCATION_HEAD_ROLLBACK,
                        "held: sequence 2; then another 2, issued 1 s later")
                .held(h2, ENTRIES)
                .update(head(ED, 2, 3, AT2.plusSeconds(1)).bytes(), List.of(), false);
        reject("head-fewer-entries", REVOCATION_HEAD_ROLLBACK, "held: sequence 2 of 3 entries; then sequence 3 of 2")
                .held(h2, ENTRIES)
                .update(head(ED, 3, 2, AT2.plusSeconds(30)).bytes(), TWO, true);
    }

    private void payloads() {
        CborMap good = h2.head().toCbor();
        CborValue nextUpdate = good.get(6).orElseThrow();
        payload("head-payload-field-7-for-6", ErrorCode.CBOR_UNKNOWN_FIELD, "field 7 in place of field 6")
                .update(signed(HeadVector.with(HeadVector.without(good, 6), 7, nextUpdate)), ENTRIES, true);
        payload("head-payload-seventh-field", ErrorCode.CBOR_TOO_MANY_ITEMS, "a field 7 besides the six")
                .update(signed(HeadVector.with(good, 7, CborInt.of(0))), ENTRIES, true);
        payload("head-payload-missing-next-update", ErrorCode.CBOR_MISSING_FIELD, "field 6 left out")
                .update(signed(HeadVector.without(good, 6)), ENTRIES, true);
        payload("head-payload-next-update-equals-issued-at", REVOCATION_MALFORMED, "next-update = issued-at")
                .update(signed(HeadVector.with(good, 6, good.get(5).orElseThrow())), ENTRIES, true);
        payload("head-payload-short-chain-value", REVOCATION_MALFORMED, "a 31-byte chain value")
                .update(signed(HeadVector.with(good, 4, CborBytes.of(new byte[31]))), ENTRIES, true);
        payload("head-payload-empty-chain-other-value", REVOCATION_MALFORMED, "size 0, a value that is not genesis")
                .update(signed(HeadVector.with(good, 3, CborInt.of(0))), ENTRIES, true);
        List<CborValue> values = new ArrayList<>();
        good.entries().forEach(e -> values.add(e.value()));
        payload("head-payload-not-a-map", REVOCATION_MALFORMED, "the six values as an array")
                .update(signed(new CborArray(values)), ENTRIES, true);
    }

    private HeadVector payload(String name, ErrorCode error, String description) {
        return reject(name, error, "a signed payload with " + description);
    }

    private static byte[] signed(CborValue payload) {
        return HeadVector.signed(ED, RevocationHead.CONTENT_TYPE, Cbor.encode(payload));
    }

    private static ChainPosition position(List<RevocationEntry> entries) {
        return ChainPosition.GENESIS.extend(entries);
    }

    private static Signed head(SigningKey key, long sequence, int size, Instant issuedAt) {
        return Signed.of(key, sequence, position(ENTRIES.subList(0, size)), issuedAt);
    }

    private HeadVector accept(String name, String description) {
        return new HeadVector(set.accept(TrustVectors.KIND, name, "revocation head: " + description));
    }

    private HeadVector reject(String name, ErrorCode error, String description) {
        return new HeadVector(set.reject(TrustVectors.KIND, name, "revocation head: " + description, error));
    }
}
