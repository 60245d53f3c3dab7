package dev.cairn.server.app;

import dev.cairn.bytes.Bytes;
import dev.cairn.server.pki.ServerPki;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.bundle.TrustBundlePem;
import dev.cairn.trust.bundle.TrustBundleSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The trust bundle the server publishes: its issuing intermediate as the one current CA ({@code
 * trust-bundle.md}), in canonical JWKS, PEM, and COSE_Sign1 signed by the intermediate's key. The
 * server does not rotate its CA yet, so the bundle keeps sequence 1 for the life of the CA; a rotation
 * publishes a higher sequence.
 *
 * @param bundle the bundle
 * @param jwks its canonical JWKS bytes
 * @param pem its PEM form
 * @param signed the COSE_Sign1 over the JWKS
 */
public record ServerTrustBundle(TrustBundle bundle, Bytes jwks, String pem, Bytes signed) {
    /** How often relying parties should fetch the bundle again. */
    public static final Duration REFRESH_HINT = Duration.ofMinutes(5);

    /** The sequence of a CA that has not rotated. */
    public static final long SEQUENCE = 1;

    /**
     * The bundle of a server's PKI.
     *
     * @param pki the PKI
     * @return the bundle in its three forms
     */
    public static ServerTrustBundle of(ServerPki pki) {
        TrustBundle bundle = new TrustBundle(
                pki.trustDomain(),
                SEQUENCE,
                REFRESH_HINT,
                List.of(new CaEntry(pki.ca().chain().get(0), CaStatus.CURRENT)));
        return new ServerTrustBundle(
                bundle,
                Bytes.copyOf(TrustBundleJwks.render(bundle)),
                TrustBundlePem.render(bundle),
                Bytes.copyOf(TrustBundleSigner.sign(bundle, pki.caKey())));
    }

    /**
     * The PEM form as bytes.
     *
     * @return US-ASCII bytes
     */
    public byte[] pemBytes() {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}
