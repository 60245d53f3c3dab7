package dev.cairn.benchmarks;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A trust domain for the HTTP edge benchmark: sdk-trust's CA (root and intermediate of one key
 * type), its bundle, a fresh revocation head, and the server's and a node's credentials, with TLS
 * contexts both as Cairn builds them and as a plain JDK server would (SunX509 key manager, PKIX
 * trust manager anchored at the root).
 */
final class EdgePki {
    static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    static final TrustDomain DOMAIN = new TrustDomain("bench.example");
    static final CairnId SERVER = CairnId.service(DOMAIN, "control", "server");
    static final CairnId NODE = CairnId.node(DOMAIN, "c1", "n-1");

    final KeyType type;
    final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    final SecureRandom random = new SecureRandom();
    final CertificateAuthority ca;
    final TrustBundle bundle;
    final RevocationState revocation;
    final Credential server;
    final Credential node;

    /** A key and its chain, leaf first. */
    record Credential(SigningKey key, List<X509Certificate> chain) {}

    EdgePki(KeyType type) {
        this.type = type;
        SigningKey intermediateKey = SigningKey.generate(type, random);
        this.ca = CertificateAuthority.initialize(
                DOMAIN,
                SigningKey.generate(type, random),
                intermediateKey,
                Duration.ofDays(30),
                new IssuanceBenchmark.MemoryLedger(),
                random,
                clock,
                ACCESS);
        this.bundle = new TrustBundle(
                DOMAIN,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        this.revocation =
                RevocationState.builder(DOMAIN, bundle.keys()).clock(clock).build();
        RevocationChain chain = RevocationChain.create(clock, RevocationJournal.NONE);
        Instant now = clock.instant();
        revocation.updateFromStart(
                new RevocationHeadSigner(intermediateKey)
                        .sign(RevocationHead.of(DOMAIN, 1, chain.position(), now, now.plus(Duration.ofHours(6)))),
                chain.entries(0, chain.size()));
        this.server = issue(SERVER, Profile.NODE_SERVER);
        this.node = issue(NODE, Profile.NODE_CLIENT);
    }

    private Credential issue(CairnId id, Profile profile) {
        SigningKey key = SigningKey.generate(type, random);
        X509Certificate leaf = ca.issue(
                        CsrVerifier.verify(
                                CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                        id,
                        profile,
                        Optional.empty())
                .certificate();
        return new Credential(key, List.of(leaf, ca.chain().get(0)));
    }

    /** A node's client context as the Cairn agent builds it: its certificate, the server pinned. */
    SSLContext cairnClient() {
        PeerVerifier servers = PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.SERVER)
                .expectId(SERVER)
                .clock(clock)
                .build();
        return TlsContexts.client(node.key(), node.chain(), servers, ACCESS);
    }

    /** A server context of the JDK's defaults: SunX509 and PKIX over the root, no Cairn code. */
    SSLContext jdkServer() throws GeneralSecurityException, java.io.IOException {
        return jdkContext(server);
    }

    /** A client context of the JDK's defaults. */
    SSLContext jdkClient() throws GeneralSecurityException, java.io.IOException {
        return jdkContext(node);
    }

    private SSLContext jdkContext(Credential credential) throws GeneralSecurityException, java.io.IOException {
        if (type != KeyType.P256) {
            throw new IllegalStateException("the JDK baseline uses P-256");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(
                        new ECPrivateKeySpec(new BigInteger(1, credential.key().privateKeyBytes(ACCESS)), curve));
        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("key", key, password, credential.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keys, password);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", ca.chain().get(1));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(anchors);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
