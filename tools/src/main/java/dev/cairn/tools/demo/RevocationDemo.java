package dev.cairn.tools.demo;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.bundle.TrustBundleState;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationCrlSigner;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationPublisher;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The revocation part of the demo: a signed trust bundle and revocation head reach a relying party,
 * a node talks to it over real mutual TLS 1.3 on loopback, its certificate is revoked, and its next
 * request on the same open connection is refused, as is a new handshake.
 */
final class RevocationDemo {
    private static final CairnId SERVER = CairnId.service(TrustDemo.DOMAIN, "control", "server");

    private final PrintStream out;
    private final CertificateAuthority ca;
    private final SigningKey intermediateKey;
    private final Clock clock;

    RevocationDemo(PrintStream out, CertificateAuthority ca, SigningKey intermediateKey, Clock clock) {
        this.out = out;
        this.ca = ca;
        this.intermediateKey = intermediateKey;
        this.clock = clock;
    }

    boolean run(SigningKey nodeKey, IssuedCertificate node) {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        X509Certificate intermediate = ca.chain().get(0);
        TrustBundle bundle = new TrustBundle(
                TrustDemo.DOMAIN,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(intermediate, CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        byte[] signedBundle = TrustBundleSigner.sign(bundle, intermediateKey);
        TrustBundleState bundles = new TrustBundleState(bundle);
        out.println("  trust bundle #" + bundle.sequence() + ": JWKS of " + TrustBundleJwks.render(bundle).length
                + " bytes (x5c, kid, use), COSE_Sign1 of " + signedBundle.length + " bytes by the intermediate");

        RevocationChain revocations = RevocationChain.create(clock, RevocationJournal.NONE);
        RevocationPublisher publisher = RevocationPublisher.create(
                TrustDemo.DOMAIN,
                revocations,
                new RevocationHeadSigner(intermediateKey),
                RevocationCrlSigner.of(intermediate, intermediateKey, access),
                clock,
                RevocationPublisher.DEFAULT_HEAD_VALIDITY,
                -1);
        RevocationState relyingParty = RevocationState.builder(
                        TrustDemo.DOMAIN, bundles.current().keys())
                .clock(clock)
                .build();
        RevocationPublisher.Publication first = publisher.publish();
        relyingParty.update(first.signedHead().toByteArray(), List.of());
        out.println("  revocation head #" + first.head().sequence() + " (no entries) signed and accepted by the"
                + " relying party; valid until " + first.head().nextUpdate());

        PeerVerifier clients = verifier(bundles, relyingParty, PeerRole.CLIENT);
        SigningKey serverKey = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        IssuedCertificate server = ca.issue(
                CsrVerifier.verify(
                        CsrBuilder.build(serverKey, Optional.of(SERVER)).der().toByteArray()),
                SERVER,
                Profile.NODE_SERVER,
                Optional.empty());
        SSLContext nodeContext = TlsContexts.client(
                nodeKey,
                List.of(node.certificate(), intermediate),
                PeerVerifier.builder()
                        .trustBundle(bundles::current)
                        .revocation(relyingParty)
                        .tier(FreshnessTier.RISKY)
                        .role(PeerRole.SERVER)
                        .expectId(SERVER)
                        .clock(clock)
                        .build(),
                access);
        try (LoopbackServer loopback = new LoopbackServer(
                        TlsContexts.server(serverKey, List.of(server.certificate(), intermediate), clients, access),
                        clients);
                SSLSocket connection = loopback.connect(nodeContext)) {
            out.println("  mTLS server on 127.0.0.1:" + loopback.port() + " ("
                    + connection.getSession().getProtocol() + ", "
                    + connection.getSession().getCipherSuite() + ")");
            String before = LoopbackServer.ask(connection, "hello");
            out.println("  n-1 asks; the server reads its identity from the verified chain only -> " + before);

            revocations.revoke(node.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
            RevocationPublisher.Publication second = publisher.publish();
            relyingParty.update(second.signedHead().toByteArray(), revocations.entries(0, 1));
            out.println("  operator revokes n-1 (keyCompromise); head #"
                    + second.head().sequence()
                    + " commits to 1 entry; CRL #" + second.head().sequence() + " lists it: "
                    + second.crl().crl().isRevoked(node.certificate()));
            String after = LoopbackServer.ask(connection, "hello again");
            out.println("  n-1 asks again on the same open connection -> " + after);
            String again = newConnection(loopback, nodeContext);
            out.println("  n-1 opens a new connection -> " + again);
            return before.equals(
                            "200 " + CairnId.node(TrustDemo.DOMAIN, "c1", "n-1").uri())
                    && after.equals("403 CERT_REVOKED")
                    && (again.endsWith("403 CERT_REVOKED") || again.startsWith("full handshake refused"));
        } catch (IOException | CairnException e) {
            out.println("  the mTLS step failed: " + e);
            return false;
        }
    }

    private PeerVerifier verifier(TrustBundleState bundles, RevocationState revocation, PeerRole role) {
        return PeerVerifier.builder()
                .trustBundle(bundles::current)
                .revocation(revocation)
                .tier(FreshnessTier.RISKY)
                .role(role)
                .clock(clock)
                .build();
    }

    /**
     * A new connection from the same client context: either a full handshake, which the server's
     * trust manager refuses, or a resumed TLS 1.3 session, which skips the trust manager and is
     * refused by the per-request check instead.
     */
    private static String newConnection(LoopbackServer loopback, SSLContext nodeContext) {
        try (SSLSocket again = loopback.connect(nodeContext)) {
            return "resumed TLS session (no certificate check in the handshake); its first request -> "
                    + LoopbackServer.ask(again, "hello");
        } catch (IOException e) {
            return "full handshake refused by the server's trust manager";
        }
    }
}
