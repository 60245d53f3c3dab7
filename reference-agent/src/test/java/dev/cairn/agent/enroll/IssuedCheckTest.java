package dev.cairn.agent.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.agent.client.ClientFixture;
import dev.cairn.agent.client.NodeCertificate;
import dev.cairn.agent.state.AgentFixture;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent checks before it stores a certificate the server issued. */
class IssuedCheckTest {
    private static final CairnId NODE = AgentFixture.node("n-0123456789abcdef");

    @TempDir
    Path tmp;

    private ClientFixture pki;
    private SigningKey key;
    private List<X509Certificate> chain;
    private TrustBundle intermediates;

    @BeforeEach
    void setUp() {
        pki = new ClientFixture(tmp.resolve("host"));
        key = SigningKey.generate(KeyType.P256, pki.ca.random);
        chain = pki.chain(key, NODE, Profile.NODE_CLIENT);
        intermediates = new TrustBundle(
                AgentFixture.TD, 1, Duration.ofMinutes(5), List.of(new CaEntry(chain.get(1), CaStatus.CURRENT)));
    }

    private NodeCertificate answer(CairnId id, List<X509Certificate> certificates, TrustBundle bundle) {
        X509Certificate leaf = certificates.get(0);
        return new NodeCertificate(
                id, leaf.getSerialNumber(), leaf.getNotAfter().toInstant(), certificates, bundle);
    }

    private IssuedCheck.Checked check(NodeCertificate answer, Optional<String> cluster, Optional<CairnId> identity) {
        return IssuedCheck.check(
                answer, key.verificationKey(), pki.pin(), AgentFixture.TD, cluster, identity, Instant.now());
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(CairnException.class, call::run).code();
    }

    @Test
    void aCertificateForTheKeyThatLeadsToThePinnedRootPasses() {
        IssuedCheck.Checked checked = check(answer(NODE, chain, intermediates), Optional.of("c1"), Optional.empty());
        assertEquals(NODE, checked.identity());
        assertEquals(chain, checked.chain());
        assertEquals(
                NODE,
                check(answer(NODE, chain, pki.ca.bundle), Optional.empty(), Optional.of(NODE))
                        .identity());
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() {
        SigningKey other = SigningKey.generate(KeyType.P256, pki.ca.random);
        List<X509Certificate> theirs = pki.chain(other, NODE, Profile.NODE_CLIENT);
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, theirs, intermediates), Optional.empty(), Optional.empty())));
    }

    @Test
    void anotherIdentityClusterOrTrustDomainIsRefused() {
        CairnId other = AgentFixture.node("n-ffffffffffffffff");
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(other, chain, intermediates), Optional.empty(), Optional.empty())),
                "the answer names another identity than the certificate");
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, chain, intermediates), Optional.of("c2"), Optional.empty())));
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, chain, intermediates), Optional.empty(), Optional.of(other))));
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> IssuedCheck.check(
                        answer(NODE, chain, intermediates),
                        key.verificationKey(),
                        pki.pin(),
                        new TrustDomain("other.example"),
                        Optional.empty(),
                        Optional.empty(),
                        Instant.now())));
    }

    @Test
    void aChainToAnotherRootOrABundleWithoutTheIssuerIsRefused() {
        ClientFixture other = new ClientFixture(tmp.resolve("other"));
        List<X509Certificate> foreign = other.chain(key, NODE, Profile.NODE_CLIENT);
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, foreign, intermediates), Optional.empty(), Optional.empty())));
        List<X509Certificate> spliced = new ArrayList<>(foreign.subList(0, 2));
        spliced.add(pki.root());
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, spliced, intermediates), Optional.empty(), Optional.empty())));
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(answer(NODE, chain, other.ca.bundle), Optional.empty(), Optional.empty())),
                "a bundle of another CA");
        NodeCertificate wrongSerial = new NodeCertificate(
                NODE,
                chain.get(0).getSerialNumber().add(java.math.BigInteger.ONE),
                chain.get(0).getNotAfter().toInstant(),
                chain,
                intermediates);
        assertEquals(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                code(() -> check(wrongSerial, Optional.empty(), Optional.empty())));
    }
}
