package dev.cairn.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.agent.state.AgentFixture;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust manager of an agent before it holds a bundle: the pinned root and the server identity only. */
class PinnedServerTrustTest {
    @TempDir
    Path tmp;

    private ClientFixture pki;

    @BeforeEach
    void setUp() {
        pki = new ClientFixture(tmp.resolve("host"));
    }

    private PinnedServerTrust trust(CaFingerprint pin) {
        return new PinnedServerTrust(pin, Optional.empty(), Clock.systemUTC(), ErrorCode.AGENT_SERVER_UNTRUSTED);
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(CairnException.class, call::run).code();
    }

    @Test
    void theRightPinAcceptsTheServerAndLearnsItsTrustDomain() {
        PinnedServerTrust trust = trust(pki.pin());
        assertEquals(Optional.empty(), trust.serverIdentity());
        assertEquals(CairnId.server(AgentFixture.TD), trust.verify(pki.serverChain));
        assertEquals(Optional.of(CairnId.server(AgentFixture.TD)), trust.serverIdentity());
        PinnedServerTrust pinnedDomain = new PinnedServerTrust(
                pki.pin(), Optional.of(AgentFixture.TD), Clock.systemUTC(), ErrorCode.AGENT_SERVER_UNTRUSTED);
        assertEquals(CairnId.server(AgentFixture.TD), pinnedDomain.verify(pki.serverChain));
    }

    @Test
    void aWrongPinIsRefused() {
        CaFingerprint other = new CaFingerprint(Digest.fromHex("ab".repeat(32)));
        assertEquals(ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(other).verify(pki.serverChain)));
        assertEquals(Optional.empty(), trust(other).serverIdentity());
    }

    @Test
    void aChainToAnotherRootIsRefusedEvenWithThePinnedRootAppended() {
        ClientFixture other = new ClientFixture(tmp.resolve("other-host"));
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(pki.pin()).verify(other.serverChain)));
        List<X509Certificate> spliced = new ArrayList<>(other.serverChain.subList(0, 2));
        spliced.add(pki.root());
        CairnException e =
                assertThrows(CairnException.class, () -> trust(pki.pin()).verify(spliced));
        assertEquals(ErrorCode.AGENT_SERVER_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("does not validate"), e.getMessage());
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED,
                code(() -> trust(pki.pin()).verify(List.of(pki.serverChain.get(0), pki.root()))),
                "the intermediate is needed for the path");
    }

    @Test
    void onlyTheServerIdentityOfTheExpectedTrustDomainIsAccepted() {
        SigningKey key = SigningKey.generate(KeyType.P256, pki.ca.random);
        List<X509Certificate> service =
                pki.chain(key, CairnId.service(AgentFixture.TD, "c1", "server"), Profile.SERVICE);
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(pki.pin()).verify(service)));
        List<X509Certificate> node = pki.chain(key, AgentFixture.node("n-1"), Profile.NODE_CLIENT);
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(pki.pin()).verify(node)), "clientAuth only");
        PinnedServerTrust otherDomain = new PinnedServerTrust(
                pki.pin(),
                Optional.of(new TrustDomain("other.example")),
                Clock.systemUTC(),
                ErrorCode.AGENT_SERVER_UNTRUSTED);
        assertEquals(ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> otherDomain.verify(pki.serverChain)));
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(pki.pin()).verify(List.of(pki.root()))));
        assertEquals(
                ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> trust(pki.pin()).verify(List.of())));
    }

    @Test
    void anExpiredServerChainIsRefused() {
        PinnedServerTrust later = new PinnedServerTrust(
                pki.pin(),
                Optional.empty(),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(400)),
                ErrorCode.AGENT_SERVER_UNTRUSTED);
        assertEquals(ErrorCode.AGENT_SERVER_UNTRUSTED, code(() -> later.verify(pki.serverChain)));
    }

    @Test
    void inAHandshakeAWrongPinFailsBeforeTheClientSendsAByte() throws Exception {
        RevocationState revocation =
                RevocationState.builder(AgentFixture.TD, pki.ca.bundle.keys()).build();
        revocation.update(pki.ca.head().toByteArray(), List.of());
        PeerVerifier clients = PeerVerifier.builder()
                .trustBundle(pki.ca.bundle)
                .revocation(revocation)
                .tier(FreshnessTier.SAFE)
                .role(PeerRole.CLIENT)
                .build();
        SSLContext server = TlsContexts.server(pki.serverKey, pki.serverChain, clients, AgentFixture.ACCESS);
        try (SSLServerSocket listener = (SSLServerSocket)
                server.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
            listener.setWantClientAuth(true);

            CompletableFuture<Integer> received = serve(listener);
            try (SSLSocket socket = connect(listener, trust(pki.pin()))) {
                socket.startHandshake();
                socket.getOutputStream().write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            assertEquals(5, received.get(30, TimeUnit.SECONDS));

            CaFingerprint other = new CaFingerprint(Digest.fromHex("cd".repeat(32)));
            CompletableFuture<Integer> nothing = serve(listener);
            try (SSLSocket socket = connect(listener, trust(other))) {
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, socket::startHandshake);
                assertEquals(ErrorCode.AGENT_SERVER_UNTRUSTED, cairnCause(e).code());
            }
            assertTrue(nothing.get(30, TimeUnit.SECONDS) <= 0, "the server received no application byte");
        }
    }

    private static SSLSocket connect(SSLServerSocket listener, PinnedServerTrust trust) throws IOException {
        SSLSocket socket = (SSLSocket) trust.clientContext()
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        socket.setSSLParameters(TlsContexts.clientParameters());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Accepts one connection and counts the application bytes it receives (-1 if the handshake failed). */
    private static CompletableFuture<Integer> serve(SSLServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(30_000);
                try {
                    socket.startHandshake();
                } catch (IOException e) {
                    return -1;
                }
                InputStream in = socket.getInputStream();
                int count = 0;
                try {
                    while (in.read() >= 0) {
                        count++;
                    }
                } catch (IOException e) {
                    // the client went away
                }
                return count;
            } catch (IOException e) {
                return -1;
            }
        });
    }

    private static CairnException cairnCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CairnException cairn) {
                return cairn;
            }
        }
        assertNull(e, "no coded cause");
        return null;
    }
}
