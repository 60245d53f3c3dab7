package dev.cairn.tools.vectors;

import static dev.cairn.errors.ErrorCode.BUNDLE_MALFORMED;
import static dev.cairn.errors.ErrorCode.BUNDLE_SIGNER_UNTRUSTED;
import static dev.cairn.errors.ErrorCode.BUNDLE_TRUST_DOMAIN_MISMATCH;
import static dev.cairn.tools.vectors.TrustFixture.DOMAIN;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.bundle.TrustBundleState;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.verifier.vectors.BundleDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Trust bundles ({@code spec/trust-bundle.md}): the JWKS form as a reader parses it, and signed
 * bundles as a relying party's {@link TrustBundleState} takes them. The bundles follow one CA
 * rotation of {@code vectors.example} from the Ed25519 intermediate to the P-256 one ({@code
 * spec/ca.md}, "Rotation"): steady (sequence 1), prepared with the P-256 CA as {@code next} (2),
 * active (3), retired (4), each signed with the old CA's key, then a refresh-hint change signed by
 * the new CA (5).
 */
final class TrustBundleVectors {
    static final String TYPE = "bundle";

    private static final SigningKey OLD = TrustFixture.ED25519.key();
    private static final SigningKey NEW = TrustFixture.P256.key();
    private static final CaEntry OLD_CURRENT = new CaEntry(TrustFixture.ED25519.intermediate(), CaStatus.CURRENT);
    private static final CaEntry NEW_NEXT = new CaEntry(TrustFixture.P256.intermediate(), CaStatus.NEXT);
    private static final CaEntry NEW_CURRENT = new CaEntry(TrustFixture.P256.intermediate(), CaStatus.CURRENT);
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final String SIGNED = "signed_bundle";

    private static final TrustBundle STEADY = bundle(DOMAIN, 1, REFRESH, OLD_CURRENT);
    private static final TrustBundle PREPARED = bundle(DOMAIN, 2, REFRESH, OLD_CURRENT, NEW_NEXT);
    private static final TrustBundle ACTIVE = bundle(DOMAIN, 3, REFRESH, NEW_CURRENT, OLD_CURRENT);
    private static final TrustBundle RETIRED = bundle(DOMAIN, 4, REFRESH, NEW_CURRENT);
    private static final TrustBundle REFRESHED = bundle(DOMAIN, 5, Duration.ofMinutes(10), NEW_CURRENT);

    private TrustBundleVectors() {}

    static void generate(VectorSet set) {
        parse(set, "bundle-parse-steady", "one current Ed25519 CA", STEADY);
        parse(set, "bundle-parse-prepared", "a current Ed25519 CA and a next P-256 CA", PREPARED);
        parse(set, "bundle-parse-active", "two current CAs, the new P-256 one first", ACTIVE);
        parse(set, "bundle-parse-retired", "one current P-256 CA", RETIRED);
        updates(set);
        refusedUpdates(set);
        refusedParses(set);
    }

    private static void updates(VectorSet set) {
        update(set, "bundle-update-prepare", "steady to prepared, signed by the old CA", STEADY, PREPARED, OLD);
        update(set, "bundle-update-activate", "prepared to active, signed by the old CA", PREPARED, ACTIVE, OLD);
        update(set, "bundle-update-retire", "active to retired, signed by the old CA it retires", ACTIVE, RETIRED, OLD);
        update(
                set,
                "bundle-update-after-retirement",
                "retired to a new refresh hint, signed (ES256) by the new CA",
                RETIRED,
                REFRESHED,
                NEW);
        update(
                set,
                "bundle-update-jump-over-missed",
                "steady straight to retired: the old CA signed every bundle",
                STEADY,
                RETIRED,
                OLD);
        update(
                set,
                "bundle-update-signed-by-next-ca",
                "prepared to active, signed by the next CA: every bundle key is trusted",
                PREPARED,
                ACTIVE,
                NEW);
        update(
                set,
                "bundle-update-same-bundle-again",
                "the held bundle, signed: a replay keeps it",
                PREPARED,
                PREPARED,
                OLD);
    }

    private static void refusedUpdates(VectorSet set) {
        refused(
                        set,
                        "bundle-update-signer-not-in-held",
                        BUNDLE_SIGNER_UNTRUSTED,
                        "held: steady; active, signed by the new CA it does not hold",
                        STEADY)
                .put(SIGNED, signed(ACTIVE, NEW));
        refused(
                        set,
                        "bundle-update-signed-by-retired-ca",
                        BUNDLE_SIGNER_UNTRUSTED,
                        "held: retired; the next bundle, signed by the CA retired",
                        RETIRED)
                .put(SIGNED, signed(REFRESHED, OLD));
        refused(
                        set,
                        "bundle-update-lower-sequence",
                        ErrorCode.BUNDLE_ROLLBACK,
                        "held: active (3); prepared (2), signed by a held CA",
                        ACTIVE)
                .put(SIGNED, signed(PREPARED, OLD));
        TrustBundle fork = bundle(DOMAIN, 2, Duration.ofMinutes(10), OLD_CURRENT, NEW_NEXT);
        refused(
                        set,
                        "bundle-update-same-sequence-other-content",
                        ErrorCode.BUNDLE_ROLLBACK,
                        "held: prepared (2); another sequence 2, with a 10-minute refresh hint",
                        PREPARED)
                .put(SIGNED, signed(fork, OLD));
        TrustBundle other = bundle(TrustFixture.OTHER_DOMAIN, 2, REFRESH, OLD_CURRENT);
        refused(
                        set,
                        "bundle-update-other-trust-domain",
                        BUNDLE_TRUST_DOMAIN_MISMATCH,
                        "held: steady; a bundle of other.example, signed by the held CA",
                        STEADY)
                .put(SIGNED, signed(other, OLD));
        byte[] flipped = TrustBundleSigner.sign(PREPARED, OLD);
        flipped[flipped.length - 1] ^= 0x01;
        refused(
                        set,
                        "bundle-update-signature-flipped",
                        BUNDLE_SIGNER_UNTRUSTED,
                        "held: steady; prepared with its last signature byte flipped",
                        STEADY)
                .put(SIGNED, TrustFixture.hex(flipped));
        byte[] asHead = sign(OLD, RevocationHead.CONTENT_TYPE, jwks(PREPARED));
        refused(
                        set,
                        "bundle-update-content-type-of-a-revocation-head",
                        BUNDLE_SIGNER_UNTRUSTED,
                        "held: steady; prepared's JWKS signed under the revocation head content type",
                        STEADY)
                .put(SIGNED, TrustFixture.hex(asHead));
        byte[] extra = sign(OLD, TrustBundleSigner.CONTENT_TYPE, extraMember());
        refused(
                        set,
                        "bundle-update-payload-unknown-member",
                        BUNDLE_MALFORMED,
                        "held: steady; a signed JWKS with an extra member cairn_extra",
                        STEADY)
                .put(SIGNED, TrustFixture.hex(extra));
        refused(set, "bundle-update-not-cose", BUNDLE_MALFORMED, "held: steady; prepared's JWKS, not signed", STEADY)
                .put(SIGNED, TrustFixture.hex(jwks(PREPARED).getBytes(StandardCharsets.US_ASCII)));
    }

    private static void refusedParses(VectorSet set) {
        refused(set, "bundle-parse-unknown-member", "a top-level member cairn_extra", extraMember());
        String alg = JwksEdit.edit(jwks(PREPARED), top -> JwksEdit.key(top, 0).put("alg", "EdDSA"));
        refused(set, "bundle-parse-jwk-alg-member", "an alg member in the first JWK", alg);
        String x5c = JwksEdit.edit(jwks(ACTIVE), top -> JwksEdit.swap(top, "x5c"));
        refused(set, "bundle-parse-key-not-x5c-key", "the two JWKs' x5c swapped: no key is its certificate's", x5c);
        String kid = JwksEdit.edit(jwks(ACTIVE), top -> JwksEdit.swap(top, "kid"));
        refused(set, "bundle-parse-kid-not-derived", "the two JWKs' kids swapped", kid);
        String nextFirst = JwksEdit.edit(jwks(PREPARED), top -> {
            ArrayNode keys = (ArrayNode) top.get("keys");
            keys.insert(0, keys.remove(1));
        });
        refused(set, "bundle-parse-next-before-current", "the next CA's JWK first: not the canonical order", nextFirst);
        String space = jwks(STEADY).replaceFirst("\":", "\": ");
        refused(set, "bundle-parse-space-after-colon", "one space after the first colon: not canonical", space);
        String zero = JwksEdit.edit(jwks(STEADY), top -> top.put("cairn_sequence", 0));
        refused(set, "bundle-parse-sequence-zero", "cairn_sequence 0", zero);
    }

    private static String extraMember() {
        return JwksEdit.edit(jwks(PREPARED), top -> top.put("cairn_extra", 1));
    }

    private static TrustBundle bundle(TrustDomain domain, long sequence, Duration refresh, CaEntry... entries) {
        return new TrustBundle(domain, sequence, refresh, List.of(entries));
    }

    static String jwks(TrustBundle bundle) {
        return new String(TrustBundleJwks.render(bundle), StandardCharsets.US_ASCII);
    }

    private static String signed(TrustBundle bundle, SigningKey key) {
        return TrustFixture.hex(TrustBundleSigner.sign(bundle, key));
    }

    private static byte[] sign(SigningKey key, String contentType, String payload) {
        return CoseSigner.builder(key)
                .contentType(contentType)
                .build()
                .sign(payload.getBytes(StandardCharsets.US_ASCII))
                .encode();
    }

    private static void parse(VectorSet set, String name, String description, TrustBundle bundle) {
        ObjectNode node = set.accept(TrustVectors.KIND, name, "bundle: " + description);
        node.put("type", TYPE);
        node.put("operation", "parse");
        node.put("jwks", jwks(bundle));
        BundleDescription.describe(node, bundle);
    }

    private static void update(
            VectorSet set, String name, String description, TrustBundle held, TrustBundle next, SigningKey key) {
        ObjectNode node = set.accept(TrustVectors.KIND, name, "bundle: " + description);
        node.put("type", TYPE);
        node.put("operation", "update");
        node.put("held", jwks(held));
        node.put(SIGNED, signed(next, key));
        node.put("jwks", jwks(next));
        BundleDescription.describe(node, next);
    }

    private static ObjectNode refused(
            VectorSet set, String name, ErrorCode error, String description, TrustBundle held) {
        ObjectNode node = set.reject(TrustVectors.KIND, name, "bundle: " + description, error);
        node.put("type", TYPE);
        node.put("operation", "update");
        node.put("held", jwks(held));
        return node;
    }

    private static void refused(VectorSet set, String name, String description, String jwks) {
        ObjectNode node = set.reject(TrustVectors.KIND, name, "bundle: " + description, BUNDLE_MALFORMED);
        node.put("type", TYPE);
        node.put("operation", "parse");
        node.put("jwks", jwks);
    }
}
