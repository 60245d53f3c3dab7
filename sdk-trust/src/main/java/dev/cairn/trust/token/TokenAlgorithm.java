package dev.cairn.trust.token;

import dev.cairn.keys.KeyType;
import java.util.Objects;
import java.util.Optional;

/**
 * The JWS algorithms an operator token may be signed with. There is deliberately no {@code none}, no
 * HMAC and no RSA: a validator can only ever be configured with these.
 */
public enum TokenAlgorithm {
    /** EdDSA with an Ed25519 key (RFC 8037 section 3.1); the mandatory algorithm. */
    EDDSA("EdDSA", KeyType.ED25519),
    /** ECDSA with P-256 and SHA-256, signature {@code r || s} (RFC 7518 section 3.4). */
    ES256("ES256", KeyType.P256);

    private final String jwsName;
    private final KeyType keyType;

    TokenAlgorithm(String jwsName, KeyType keyType) {
        this.jwsName = jwsName;
        this.keyType = keyType;
    }

    /**
     * The {@code alg} header value.
     *
     * @return {@code EdDSA} or {@code ES256}
     */
    public String jwsName() {
        return jwsName;
    }

    /**
     * The type of key that signs with this algorithm.
     *
     * @return the key type
     */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * The algorithm a key type signs with.
     *
     * @param type the key type
     * @return the algorithm
     */
    public static TokenAlgorithm of(KeyType type) {
        Objects.requireNonNull(type, "type");
        return type == KeyType.ED25519 ? EDDSA : ES256;
    }

    /**
     * Finds the algorithm with an {@code alg} header value (case-sensitive, RFC 7515 section 4.1.1).
     *
     * @param jwsName the header value
     * @return the algorithm, or empty for any other value
     */
    public static Optional<TokenAlgorithm> fromJwsName(String jwsName) {
        for (TokenAlgorithm algorithm : values()) {
            if (algorithm.jwsName.equals(jwsName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
