package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trust} vectors of type {@code peer} ({@code spec/tls-identity.md}, "Peer identity"): a
 * relying party made of the {@code trust_bundle} (canonical JWKS) and a revocation state updated
 * from index 0 with {@code revocation_head} and {@code revocation_entries}, both of which must set
 * up, then {@link PeerVerifier} on the {@code chain} (DER, leaf first) for the {@code role} at the
 * {@code tier}, at {@code now}. An accepted one names the {@code identity}, {@code serial} (hex)
 * and {@code not_after}.
 */
final class PeerCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        PeerIdentity peer = verify(v);
        Fields.same("identity", Fields.text(v, "identity"), peer.id().uri());
        Fields.same("serial", Fields.text(v, "serial"), peer.serial().toString(16));
        Fields.same("not_after", Fields.time(v, "not_after"), peer.notAfter());
    }

    @Override
    public void reject(JsonNode v) {
        verify(v);
    }

    private static PeerIdentity verify(JsonNode v) {
        Clock clock = Fields.clock(Fields.time(v, "now"));
        byte[] jwks = Fields.text(v, "trust_bundle").getBytes(StandardCharsets.US_ASCII);
        TrustBundle bundle = Fields.setUp("trust_bundle", () -> TrustBundleJwks.parse(jwks));
        RevocationState revocation = RevocationState.builder(bundle.trustDomain(), bundle.keys())
                .clock(clock)
                .build();
        byte[] head = Fields.hex(v, "revocation_head");
        byte[] entries = Fields.hex(v, "revocation_entries");
        Fields.setUp("revocation update", () -> {
            revocation.updateFromStart(head, RevocationEntries.decode(entries));
            return revocation;
        });
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode der : Fields.array(v, "chain")) {
            chain.add(certificate(Fields.hexOf(der, "chain item")));
        }
        return PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(Fields.constant(FreshnessTier.class, Fields.text(v, "tier"), "tier"))
                .role(Fields.constant(PeerRole.class, Fields.text(v, "role"), "role"))
                .clock(clock)
                .build()
                .verify(chain);
    }

    /** A certificate of the chain, which must parse: what is checked is the chain, not DER. */
    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw VectorFailure.broken("a chain certificate does not parse: " + e.getMessage());
        }
    }
}
