package dev.cairn.trust.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real TLS 1.3 over loopback sockets with the JDK's TLS stack on both ends. The server answers each
 * line with the identity {@link PeerVerifier} reads from the connection's peer chain, checked on
 * that request, or the error code.
 */
class MutualTlsTest {
    private static final CairnId NODE = CairnId.node(TlsFixture.TD, "c1", "n-1");
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SSLServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void identityComesFromTheVerifiedChainAndRevocationBitesOnTheOpenConnection(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        int port = serve(f);
        try (SSLSocket socket = connect(f, node, port, TlsContexts.clientParameters())) {
            assertEquals("ok " + NODE.uri(), ask(socket, "who am i"));
            assertEquals(TlsFixture.SERVER.uri(), serverIdentity(f, socket));
            assertEquals(TlsContexts.PROTOCOL, socket.getSession().getProtocol());
            f.revoke(node.leaf().getSerialNumber());
            // Same connection, no new handshake: the per-request check refuses it.
            assertEquals("refused CERT_REVOKED", ask(socket, "who am i now"));
        }
        // A new handshake with the revoked certificate does not complete.
        assertThrows(IOException.class, () -> {
            try (SSLSocket socket = connect(f, node, port, TlsContexts.clientParameters())) {
                ask(socket, "again");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aResumedSessionOfARevokedClientIsRefusedOnItsFirstRequest(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        int port = serve(f);
        SSLContext context =
                TlsContexts.client(node.key(), node.chain(), f.verifier(PeerRole.SERVER), TlsFixture.ACCESS);
        try (SSLSocket socket = socket(context, port, TlsContexts.clientParameters())) {
            assertEquals("ok " + NODE.uri(), ask(socket, "hello"));
        }
        f.revoke(node.leaf().getSerialNumber());
        // The same client context may resume its TLS 1.3 session, which runs no trust manager;
        // whichever way the connection opens, no request is served.
        String answer;
        try (SSLSocket socket = socket(context, port, TlsContexts.clientParameters())) {
            answer = ask(socket, "hello again");
        } catch (IOException e) {
            answer = "handshake refused";
        }
        assertTrue(answer.equals("refused CERT_REVOKED") || answer.equals("handshake refused"), answer);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aClientOfAnotherTrustDomainCannotConnect(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        TlsFixture other = new TlsFixture(type);
        TlsFixture.Credential stranger = other.issue(NODE, Profile.NODE_CLIENT);
        int port = serve(f);
        SSLContext context = TlsContexts.client(
                stranger.key(), stranger.chain(), other.verifier(PeerRole.SERVER), TlsFixture.ACCESS);
        assertThrows(IOException.class, () -> {
            try (SSLSocket socket = socket(context, port, TlsContexts.clientParameters())) {
                ask(socket, "hello");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void tls12IsNotCompleted(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        int port = serve(f);
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        assertThrows(IOException.class, () -> {
            try (SSLSocket socket = connect(f, node, port, tls12)) {
                ask(socket, "hello");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aClientWithoutACertificateIsRefused(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        int port = serve(f);
        assertThrows(IOException.class, () -> {
            try (SSLSocket socket =
                    socket(TlsContexts.client(f.verifier(PeerRole.SERVER)), port, TlsContexts.clientParameters())) {
                ask(socket, "hello");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aServerCertificateReissuedWhileServingIsPresentedByTheNextHandshake(KeyType type) throws Exception {
        TlsFixture f = new TlsFixture(type);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        TlsFixture.Credential first = f.issue(TlsFixture.SERVER, Profile.NODE_SERVER);
        AtomicReference<List<X509Certificate>> current = new AtomicReference<>(first.chain());
        PeerVerifier clients = f.verifier(PeerRole.CLIENT);
        int port = serve(TlsContexts.server(first.key(), current::get, clients, TlsFixture.ACCESS), clients);
        try (SSLSocket before = connect(f, node, port, TlsContexts.clientParameters())) {
            assertEquals("ok " + NODE.uri(), ask(before, "hello"));
            assertEquals(first.leaf(), before.getSession().getPeerCertificates()[0]);

            TlsFixture.Credential renewed = f.issue(first.key(), TlsFixture.SERVER, Profile.NODE_SERVER);
            current.set(renewed.chain());
            try (SSLSocket after = connect(f, node, port, TlsContexts.clientParameters())) {
                assertEquals("ok " + NODE.uri(), ask(after, "hello"));
                assertEquals(renewed.leaf(), after.getSession().getPeerCertificates()[0], "the new certificate");
            }
            // The connection made before the renewal keeps working with the chain it was made with.
            assertEquals("ok " + NODE.uri(), ask(before, "still there"));
            assertEquals(first.leaf(), before.getSession().getPeerCertificates()[0]);
        }
    }

    private int serve(TlsFixture f) throws IOException {
        TlsFixture.Credential serverCredential = f.issue(TlsFixture.SERVER, Profile.NODE_SERVER);
        PeerVerifier clients = f.verifier(PeerRole.CLIENT);
        return serve(
                TlsContexts.server(serverCredential.key(), serverCredential.chain(), clients, TlsFixture.ACCESS),
                clients);
    }

    private int serve(SSLContext context, PeerVerifier clients) throws IOException {
        server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress());
        server.setSSLParameters(TlsContexts.serverParameters());
        executor.submit(() -> {
            while (!server.isClosed()) {
                SSLSocket connection = (SSLSocket) server.accept();
                executor.submit(() -> answer(connection, clients));
            }
            return null;
        });
        return server.getLocalPort();
    }

    private static Void answer(SSLSocket connection, PeerVerifier clients) throws IOException {
        try (connection;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                try {
                    X509Certificate[] chain =
                            (X509Certificate[]) connection.getSession().getPeerCertificates();
                    out.println("ok " + clients.verify(chain).id().uri());
                } catch (CairnException e) {
                    out.println("refused " + e.code());
                }
            }
        } catch (SSLException | SocketException e) {
            // a refused handshake or a closed client
        }
        return null;
    }

    private static SSLSocket connect(TlsFixture f, TlsFixture.Credential client, int port, SSLParameters parameters)
            throws IOException {
        PeerVerifier servers = PeerVerifier.builder()
                .trustBundle(f.bundle)
                .revocation(f.revocationState)
                .tier(dev.cairn.trust.revocation.FreshnessTier.RISKY)
                .role(PeerRole.SERVER)
                .expectId(TlsFixture.SERVER)
                .clock(f.clock)
                .build();
        return socket(TlsContexts.client(client.key(), client.chain(), servers, TlsFixture.ACCESS), port, parameters);
    }

    private static SSLSocket socket(SSLContext context, int port, SSLParameters parameters) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static String ask(SSLSocket socket, String line) throws IOException {
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        out.println(line);
        String answer =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            throw new IOException("the server closed the connection");
        }
        return answer;
    }

    private static String serverIdentity(TlsFixture f, SSLSocket socket) throws IOException {
        return f.verifier(PeerRole.SERVER)
                .verify((X509Certificate[]) socket.getSession().getPeerCertificates())
                .id()
                .uri();
    }
}
