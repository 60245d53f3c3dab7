package dev.cairn.cose;

import dev.cairn.keys.KeyType;
import java.util.Optional;

/** COSE signature algorithms Cairn signs and verifies with (IANA COSE Algorithms registry, RFC 9053). */
public enum CoseAlgorithm {
    /** EdDSA with Ed25519 (COSE -8). Mandatory to implement. */
    EDDSA(-8, KeyType.ED25519),
    /** ECDSA with P-256 and SHA-256, signature {@code r || s} (COSE -7). */
    ES256(-7, KeyType.P256);

    private final int id;
    private final KeyType keyType;

    CoseAlgorithm(int id, KeyType keyType) {
        this.id = id;
        this.keyType = keyType;
    }

    /**
     * The COSE algorithm identifier carried in the {@code alg} header.
     *
     * @return -8 or -7
     */
    public int id() {
        return id;
    }

    /**
     * The key type this algorithm signs with.
     *
     * @return the key type
     */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * Looks up an algorithm by its COSE identifier.
     *
     * @param id the {@code alg} value
     * @return the algorithm, or empty if Cairn does not implement it
     */
    public static Optional<CoseAlgorithm> fromId(long id) {
        for (CoseAlgorithm alg : values()) {
            if (alg.id == id) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm that signs with a key type.
     *
     * @param type the key type
     * @return the algorithm
     */
    public static CoseAlgorithm forKeyType(KeyType type) {
        return type == KeyType.ED25519 ? EDDSA : ES256;
    }
}
