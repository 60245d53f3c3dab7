package dev.cairn.trust.token.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JWK form of sdk-core's public keys (RFC 7517; OKP per RFC 8037 section 2, EC per RFC 7518
 * section 6.2) and JWK Sets of them. A Cairn JWK has exactly the members {@code kty}, {@code crv},
 * {@code x}, {@code y} (EC only), {@code kid} (the derived kid in base64url), {@code alg} and {@code
 * use} ({@code sig}), rendered with members in code-point order so that equal key lists give equal
 * text. Reading accepts the same members, {@code alg} and {@code use} optional, and nothing else.
 */
public final class Jwks {
    /** Longest JWK Set text read. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final Set<String> MEMBERS = Set.of("kty", "crv", "x", "y", "kid", "alg", "use");

    private Jwks() {}

    /**
     * The {@code kid} of a key: its derived 32-byte kid in unpadded base64url.
     *
     * @param key the key
     * @return 43 characters
     */
    public static String kid(VerificationKey key) {
        return key.kid().toBase64Url();
    }

    /**
     * The public JWK of a key.
     *
     * @param key the key
     * @return a new map, members sorted
     */
    public static Map<String, Object> toJwk(VerificationKey key) {
        Map<String, Object> jwk = new TreeMap<>();
        jwk.put("alg", KeyJwsSigner.algorithm(key.type()).getName());
        jwk.put("kid", kid(key));
        jwk.put("use", "sig");
        if (key.type() == KeyType.ED25519) {
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", key.encoded().toBase64Url());
        } else {
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", key.encoded().slice(1, 33).toBase64Url());
            jwk.put("y", key.encoded().slice(33, 65).toBase64Url());
        }
        return jwk;
    }

    /**
     * Renders a JWK Set {@code {"keys": [...]}} of public keys, in the order given.
     *
     * @param keys the keys
     * @return compact JSON
     */
    public static String render(List<VerificationKey> keys) {
        List<Object> jwks = new ArrayList<>();
        keys.forEach(key -> jwks.add(toJwk(key)));
        return JSONObjectUtils.toJSONString(Map.of("keys", jwks));
    }

    /**
     * Reads a JWK Set of Cairn public keys.
     *
     * @param json the JWK Set text
     * @return the keys, at least one, in order
     * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} for text that is not such a JWK
     *     Set: too long, not JSON, other members, a private or invalid key, a kid that is not the
     *     derived kid
     * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} for another key type, curve,
     *     algorithm or use
     */
    public static List<VerificationKey> parse(String json) {
        if (json.length() > MAX_CHARS) {
            throw invalid("JWK Set of " + json.length() + " characters, want at most " + MAX_CHARS);
        }
        Map<String, Object> set;
        try {
            set = JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw invalid("not a JSON object");
        }
        if (!set.keySet().equals(Set.of("keys")) || !(set.get("keys") instanceof List<?> list) || list.isEmpty()) {
            throw invalid("want exactly the member \"keys\" holding a non-empty array");
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (Object jwk : list) {
            if (!(jwk instanceof Map<?, ?> map)) {
                throw invalid("a key is not a JSON object");
            }
            keys.add(fromJwk(map));
        }
        return keys;
    }

    private static VerificationKey fromJwk(Map<?, ?> jwk) {
        for (Object member : jwk.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw invalid("member \"" + member + "\" is not allowed in a Cairn public JWK");
            }
        }
        String kty = required(jwk, "kty");
        String crv = required(jwk, "crv");
        KeyType type;
        if (kty.equals("OKP") && crv.equals("Ed25519")) {
            type = KeyType.ED25519;
        } else if (kty.equals("EC") && crv.equals("P-256")) {
            type = KeyType.P256;
        } else {
            throw VerificationException.mismatch(ErrorCode.KEY_UNSUPPORTED, "OKP/Ed25519 or EC/P-256", kty + "/" + crv);
        }
        byte[] x = coordinate(jwk, "x");
        VerificationKey key;
        if (type == KeyType.ED25519) {
            if (jwk.containsKey("y")) {
                throw invalid("an OKP key has no \"y\"");
            }
            key = VerificationKey.fromEncoded(type, x);
        } else {
            byte[] y = coordinate(jwk, "y");
            if (x.length != 32 || y.length != 32) {
                throw invalid("EC coordinates must be 32 bytes each");
            }
            byte[] point = new byte[65];
            point[0] = 0x04;
            System.arraycopy(x, 0, point, 1, 32);
            System.arraycopy(y, 0, point, 33, 32);
            key = VerificationKey.fromEncoded(type, point);
        }
        String alg = KeyJwsSigner.algorithm(type).getName();
        optional(jwk, "alg").filter(found -> !found.equals(alg)).ifPresent(found -> {
            throw VerificationException.mismatch(ErrorCode.KEY_UNSUPPORTED, alg, found);
        });
        optional(jwk, "use").filter(found -> !found.equals("sig")).ifPresent(found -> {
            throw VerificationException.mismatch(ErrorCode.KEY_UNSUPPORTED, "sig", found);
        });
        if (!required(jwk, "kid").equals(kid(key))) {
            throw invalid("kid is not the key's derived kid " + kid(key));
        }
        return key;
    }

    private static byte[] coordinate(Map<?, ?> jwk, String name) {
        try {
            return Bytes.fromBase64Url(required(jwk, name)).toByteArray();
        } catch (IllegalArgumentException e) {
            throw invalid("\"" + name + "\" is not canonical unpadded base64url");
        }
    }

    private static String required(Map<?, ?> jwk, String name) {
        return optional(jwk, name).orElseThrow(() -> invalid("member \"" + name + "\" is missing"));
    }

    private static Optional<String> optional(Map<?, ?> jwk, String name) {
        Object value = jwk.get(name);
        if (value == null && !jwk.containsKey(name)) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid("member \"" + name + "\" is not a string");
        }
        return Optional.of(text);
    }

    private static MalformedInputException invalid(String message) {
        return new MalformedInputException(ErrorCode.KEY_INVALID, "JWK Set: " + message);
    }
}
