package dev.cairn.agent.client;

import dev.cairn.agent.state.AgentFixture;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.pin.CaFingerprint;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A CA of a trust domain and the certificates a server and nodes get from it, for client tests. */
public final class ClientFixture {
    public final AgentFixture ca;
    public final SigningKey serverKey;
    public final List<X509Certificate> serverChain;

    public ClientFixture(Path hostRoot) {
        this(hostRoot, KeyType.P256);
    }

    public ClientFixture(Path hostRoot, KeyType type) {
        ca = new AgentFixture(hostRoot, type, Clock.systemUTC());
        serverKey = SigningKey.generate(type, ca.random);
        serverChain = chain(serverKey, CairnId.server(AgentFixture.TD), Profile.SERVICE);
    }

    public CaFingerprint pin() {
        return ca.pin;
    }

    public X509Certificate root() {
        return ca.root();
    }

    /** A certificate from this CA for a key and identity: leaf, intermediate, root. */
    public List<X509Certificate> chain(SigningKey key, CairnId id, Profile profile) {
        X509Certificate leaf = ca.ca.issue(
                        CsrVerifier.verify(
                                CsrBuilder.build(key, Optional.empty()).der().toByteArray()),
                        id,
                        profile,
                        Optional.empty())
                .certificate();
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        chain.addAll(ca.ca.chain());
        return chain;
    }
}
