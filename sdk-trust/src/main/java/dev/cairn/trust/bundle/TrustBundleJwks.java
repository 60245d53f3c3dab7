package dev.cairn.trust.bundle;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JWKS form of a trust bundle ({@code spec/trust-bundle.md}, "JWKS form"): a JWK Set (RFC 7517)
 * with one public JWK per CA carrying its certificate in {@code x5c}, {@code use} {@value #USE}, the
 * sdk-core kid and a {@value #STATUS_MEMBER}, plus top-level members for the version, trust domain,
 * sequence and refresh hint.
 *
 * <p>Rendering is canonical (RFC 8785 JSON), so the same bundle always gives the same bytes. Parsing
 * is strict and accepts exactly the canonical rendering of a valid bundle: any other spelling,
 * unknown or missing member, private key, or JWK whose key or kid is not its certificate's is
 * refused with {@link ErrorCode#BUNDLE_MALFORMED}.
 */
public final class TrustBundleJwks {
    /** Largest JWKS accepted, in bytes, checked before parsing. */
    public static final int MAX_BYTES = 256 * 1024;

    /** The format version, in {@value #VERSION_MEMBER}. */
    public static final long VERSION = 1;

    /** The {@code use} value of every CA key. */
    public static final String USE = "x509-ca";

    /** Top-level member: the format version. */
    public static final String VERSION_MEMBER = "cairn_version";

    /** Top-level member: the trust domain's name. */
    public static final String TRUST_DOMAIN_MEMBER = "cairn_trust_domain";

    /** Top-level member: the bundle's sequence. */
    public static final String SEQUENCE_MEMBER = "cairn_sequence";

    /** Top-level member: the refresh hint in seconds. */
    public static final String REFRESH_HINT_MEMBER = "cairn_refresh_hint";

    /** Per-key member: {@code current} or {@code next}. */
    public static final String STATUS_MEMBER = "cairn_status";

    private static final Set<String> TOP =
            Set.of("keys", VERSION_MEMBER, TRUST_DOMAIN_MEMBER, SEQUENCE_MEMBER, REFRESH_HINT_MEMBER);

    private TrustBundleJwks() {}

    /**
     * Renders a bundle.
     *
     * @param bundle the bundle
     * @return the canonical JWKS, ASCII
     */
    public static byte[] render(TrustBundle bundle) {
        Map<String, Object> top = new TreeMap<>();
        top.put(VERSION_MEMBER, VERSION);
        top.put(TRUST_DOMAIN_MEMBER, bundle.trustDomain().name());
        top.put(SEQUENCE_MEMBER, bundle.sequence());
        top.put(REFRESH_HINT_MEMBER, bundle.refreshHint().toSeconds());
        List<Object> keys = new ArrayList<>();
        bundle.entries().forEach(entry -> keys.add(CaJwk.toJson(entry)));
        top.put("keys", keys);
        return CanonicalJson.write(top).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses a bundle strictly.
     *
     * @param jwks the JWKS bytes
     * @return the bundle, not authenticated
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} unless the bytes are the
     *     canonical JWKS of a valid bundle within {@link #MAX_BYTES}
     */
    public static TrustBundle parse(byte[] jwks) {
        if (jwks.length > MAX_BYTES) {
            throw BundleErrors.malformed(jwks.length + " bytes, want at most " + MAX_BYTES);
        }
        for (int i = 0; i < jwks.length; i++) {
            if (jwks[i] < 0x20 || jwks[i] > 0x7e) {
                throw BundleErrors.malformed("byte " + (jwks[i] & 0xff) + " at " + i + " is not printable ASCII");
            }
        }
        Map<String, Object> top;
        try {
            top = JSONObjectUtils.parse(new String(jwks, StandardCharsets.US_ASCII));
        } catch (ParseException | RuntimeException e) {
            throw BundleErrors.malformed("not a JSON object", e);
        }
        JsonMembers.exactly(top, TOP, "the JWK Set");
        long version = JsonMembers.integer(top, VERSION_MEMBER);
        if (version != VERSION) {
            throw BundleErrors.malformed(VERSION_MEMBER + " " + version + ", want " + VERSION);
        }
        String name = JsonMembers.string(top, TRUST_DOMAIN_MEMBER);
        TrustDomain trustDomain;
        try {
            trustDomain = new TrustDomain(name);
        } catch (MalformedInputException e) {
            throw BundleErrors.malformed(TRUST_DOMAIN_MEMBER + " is not a trust domain", e);
        }
        if (!(top.get("keys") instanceof List<?> keys) || keys.isEmpty() || keys.size() > TrustBundle.MAX_ENTRIES) {
            throw BundleErrors.malformed("keys must be an array of 1 to " + TrustBundle.MAX_ENTRIES + " JWKs");
        }
        List<CaEntry> entries = new ArrayList<>();
        keys.forEach(key -> entries.add(CaJwk.fromJson(key)));
        TrustBundle bundle = new TrustBundle(
                trustDomain,
                JsonMembers.integer(top, SEQUENCE_MEMBER),
                Duration.ofSeconds(JsonMembers.integer(top, REFRESH_HINT_MEMBER)),
                entries);
        if (!Arrays.equals(render(bundle), jwks)) {
            throw BundleErrors.malformed("not in the canonical form (RFC 8785, current entries first)");
        }
        return bundle;
    }
}
