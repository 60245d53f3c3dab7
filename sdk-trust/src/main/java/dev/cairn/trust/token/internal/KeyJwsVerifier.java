package dev.cairn.trust.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import java.util.Objects;
import java.util.Set;

/**
 * A Nimbus JWS verifier backed by an sdk-core {@link VerificationKey}: EdDSA (RFC 8037) for Ed25519
 * keys, ES256 (RFC 7518 section 3.4, {@code r || s} of 64 bytes) for P-256 keys, through Bouncy
 * Castle. It answers Nimbus's {@code boolean} contract; the token validator turns {@code false} into
 * a typed error. A header naming another algorithm than the key's is refused with a {@link
 * JOSEException}, as Nimbus's own verifiers do. Thread-safe.
 */
public final class KeyJwsVerifier implements JWSVerifier {
    private final VerificationKey key;
    private final JWSAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    /**
     * A verifier for one key.
     *
     * @param key the verification key
     */
    public KeyJwsVerifier(VerificationKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = KeyJwsSigner.algorithm(key.type());
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("header alg " + header.getAlgorithm() + ", this key verifies " + algorithm);
        }
        try {
            key.verify(signingInput, signature.decode());
            return true;
        } catch (VerificationException e) {
            return false;
        }
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
