package dev.cairn.tools.vectors;

import static dev.cairn.tools.vectors.TrustFixture.DOMAIN;
import static dev.cairn.tools.vectors.TrustFixture.T0;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.CoseSigner;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.revocation.ChainPosition;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One {@code revocation-head} vector being written ({@link TrustRevocationVectors}): the relying
 * party's rules (trust domain, the two vector CA keys, now), the {@code held} updates, then the
 * update under test, each a signed head, a {@link RevocationEntries} message and whether the
 * entries start at index 0 ({@code updateFromStart}) or extend the held chain ({@code update}).
 */
final class HeadVector {
    static final Instant NOW = T0.plus(Duration.ofMinutes(3));
    static final Duration VALIDITY = Duration.ofHours(1);

    private final ObjectNode node;
    private final ArrayNode held;

    /** A head, the key that signed it and the signed bytes. */
    record Signed(RevocationHead head, SigningKey key, byte[] bytes) {
        /** Signs a head for the vector trust domain, valid for {@link #VALIDITY}. */
        static Signed of(SigningKey key, long sequence, ChainPosition position, Instant issuedAt) {
            RevocationHead head = RevocationHead.of(DOMAIN, sequence, position, issuedAt, issuedAt.plus(VALIDITY));
            return new Signed(head, key, new RevocationHeadSigner(key).sign(head));
        }
    }

    HeadVector(ObjectNode node) {
        this.node = node;
        node.put("type", TrustRevocationVectors.TYPE);
        node.put("trust_domain", DOMAIN.name());
        ArrayNode keys = node.putArray("trusted_keys");
        for (TrustFixture.Hierarchy ca : List.of(TrustFixture.ED25519, TrustFixture.P256)) {
            keys.add(TrustFixture.hex(Cbor.encode(ca.key().verificationKey().toCoseKey())));
        }
        node.put("now", NOW.toString());
        this.held = node.putArray("held");
    }

    /** A head the relying party took before, with the whole chain from index 0. */
    HeadVector held(Signed head, List<RevocationEntry> entries) {
        step(held.addObject(), head.bytes(), RevocationEntries.encode(entries), true);
        return this;
    }

    void update(byte[] head, List<RevocationEntry> entries, boolean fromStart) {
        update(head, RevocationEntries.encode(entries), fromStart);
    }

    void update(byte[] head, byte[] entries, boolean fromStart) {
        step(node, head, entries, fromStart);
    }

    /**
     * The update under test of an accepted vector, and what it must leave held.
     *
     * @param chain the whole chain the head commits to, whose serials are then revoked
     */
    void accepts(Signed signed, List<RevocationEntry> entries, boolean fromStart, List<RevocationEntry> chain) {
        update(signed.bytes(), entries, fromStart);
        RevocationHead h = signed.head();
        node.put("sequence", h.sequence());
        node.put("size", h.size());
        node.put("chain_value", h.chainValue().toHex());
        node.put("issued_at", h.issuedAt().toString());
        node.put("next_update", h.nextUpdate().toString());
        node.put("signer_kid", signed.key().verificationKey().kid().toHex());
        ArrayNode revoked = node.putArray("revoked");
        chain.forEach(e -> revoked.add(e.serial().toString(16)));
    }

    private static void step(ObjectNode step, byte[] head, byte[] entries, boolean fromStart) {
        step.put("head", TrustFixture.hex(head));
        step.put("entries", TrustFixture.hex(entries));
        step.put("from_start", fromStart);
    }

    /** Any payload as a COSE_Sign1 with a content type, signed by a trusted key. */
    static byte[] signed(SigningKey key, String contentType, byte[] payload) {
        return CoseSigner.builder(key)
                .contentType(contentType)
                .build()
                .sign(payload)
                .encode();
    }

    /** A map with one field set, or replaced. */
    static CborMap with(CborMap map, long key, CborValue value) {
        CborMap.Builder builder = CborMap.builder();
        without(map, key).entries().forEach(e -> builder.put(e.key(), e.value()));
        return builder.put(key, value).build();
    }

    /** A map without one field. */
    static CborMap without(CborMap map, long key) {
        CborMap.Builder builder = CborMap.builder();
        map.entries().stream()
                .filter(e -> !e.key().equals(CborInt.of(key)))
                .forEach(e -> builder.put(e.key(), e.value()));
        return builder.build();
    }
}
