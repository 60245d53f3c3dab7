package dev.cairn.trust.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus JWS signer backed by an sdk-core {@link SigningKey}: EdDSA for Ed25519 keys (RFC 8037
 * section 3.1, pure Ed25519 over the signing input) and ES256 for P-256 keys (RFC 7518 section 3.4,
 * deterministic ECDSA over SHA-256, the 64-byte {@code r || s}). Both are exactly what {@link
 * SigningKey#sign} returns, so no conversion, no Tink and no JCA provider is involved; the JCA
 * context is unused. Thread-safe.
 */
public final class KeyJwsSigner implements JWSSigner {
    private final SigningKey key;
    private final JWSAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    /**
     * A signer for one key.
     *
     * @param key the signing key
     */
    public KeyJwsSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = algorithm(key.type());
    }

    /**
     * The JWS algorithm a key type signs with.
     *
     * @param type the key type
     * @return {@link JWSAlgorithm#EdDSA} or {@link JWSAlgorithm#ES256}
     */
    public static JWSAlgorithm algorithm(KeyType type) {
        return type == KeyType.ED25519 ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("header alg " + header.getAlgorithm() + ", this key signs " + algorithm);
        }
        return Base64URL.encode(key.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
