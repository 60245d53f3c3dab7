package dev.cairn.trust.bundle;

import dev.cairn.cose.CoseSigner;
import dev.cairn.keys.SigningKey;
import java.util.Objects;

/**
 * Signs trust bundles ({@code spec/trust-bundle.md}, "Signed bundle"): the canonical JWKS as the
 * attached payload of a tagged COSE_Sign1, with the protected content type {@value #CONTENT_TYPE}
 * and the key's derived kid.
 *
 * <p>The key must be the key of a CA certificate in the bundle the relying parties <em>already
 * hold</em> (normally the issuing intermediate), not only in the new one: that is what lets a client
 * with the old bundle authenticate the new one. During a rotation this is the old intermediate until
 * it is retired ({@code spec/ca.md}, "Rotation"). Signing is deterministic for both key types.
 */
public final class TrustBundleSigner {
    /** The protected content type of a signed trust bundle. */
    public static final String CONTENT_TYPE = "application/cairn-trust-bundle+json";

    private TrustBundleSigner() {}

    /**
     * Signs a bundle.
     *
     * @param bundle the bundle to publish
     * @param caKey the private key of a CA in the bundle relying parties hold
     * @return the tagged COSE_Sign1 bytes
     */
    public static byte[] sign(TrustBundle bundle, SigningKey caKey) {
        Objects.requireNonNull(bundle, "bundle");
        return CoseSigner.builder(caKey)
                .contentType(CONTENT_TYPE)
                .build()
                .sign(TrustBundleJwks.render(bundle))
                .encode();
    }
}
