package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.trust.ca.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Node identity over real TLS 1.3 sockets: it comes from the verified client certificate only, is
 * checked against the revocation state on every request (also on an open keep-alive connection),
 * and no header can stand in for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsEdgeTest {
    private EdgeFixture f;

    @BeforeAll
    void start() {
        f = new EdgeFixture();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void theIdentityIsTheVerifiedCertificates() {
        EdgeFixture.Reply reply = f.get(f.client(f.node), "/test/whoami");
        assertEquals(200, reply.status(), reply.text());
        assertEquals(f.pki.node("n-1").uri(), reply.json().path("id").asText());
        assertEquals(
                f.node.leaf().getSerialNumber().toString(16),
                reply.json().path("serial").asText());
    }

    @Test
    void withoutAClientCertificateANodeRouteAnswers401() {
        EdgeFixture.Reply reply = f.get(f.anonymous(), "/test/whoami");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("TLS_PEER_MISSING", reply.code());
    }

    @Test
    void forwardedIdentityHeadersGainNothing() {
        String other = f.pki.node("n-admin").uri();
        String[] forged = {
            "X-Client-Identity",
            other,
            "X-Forwarded-Client-Cert",
            "By=" + other + ";URI=" + other,
            "X-SSL-Client-Cert",
            "-----BEGIN CERTIFICATE-----",
            "X-Client-Cert",
            other,
            "Forwarded",
            "for=127.0.0.1;by=" + other,
            "X-Forwarded-For",
            "10.0.0.1"
        };
        // Without a certificate, the headers do not authenticate.
        EdgeFixture.Reply anonymous = f.get(f.anonymous(), "/test/whoami", forged);
        assertEquals(401, anonymous.status(), anonymous.text());
        assertEquals("TLS_PEER_MISSING", anonymous.code());
        // With one, the identity is still the certificate's.
        EdgeFixture.Reply node = f.get(f.client(f.node), "/test/whoami", forged);
        assertEquals(200, node.status(), node.text());
        assertEquals(f.pki.node("n-1").uri(), node.json().path("id").asText());
    }

    @Test
    void revokedAfterTheHandshakeTheNextCallOnTheSameConnectionIsRefused() throws IOException {
        TestPki.Credential node = f.pki.issue(f.pki.node("n-revoked"), Profile.NODE_CLIENT);
        try (RawHttp connection = RawHttp.tls(f.pki.clientContext(node), f.edge.port())) {
            RawHttp.Response before = connection.get("/test/whoami");
            assertEquals(200, before.status(), before.text());
            int port = portOf(connection);

            f.pki.revoke(node.leaf().getSerialNumber());

            RawHttp.Response after = connection.get("/test/whoami");
            assertEquals(401, after.status(), after.text());
            assertEquals("CERT_REVOKED", after.code());
            // Still the same TCP connection: the public route sees the same client port.
            assertEquals(port, portOf(connection));
        }
        // A new handshake with the revoked certificate does not complete.
        assertThrows(IOException.class, () -> {
            try (RawHttp again = RawHttp.tls(f.pki.clientContext(node), f.edge.port())) {
                again.get("/test/whoami");
            }
        });
    }

    @Test
    void aRevokedNodeOnAReusedHttpClientConnectionIsRefused() {
        TestPki.Credential node = f.pki.issue(f.pki.node("n-revoked-2"), Profile.NODE_CLIENT);
        HttpClient client = f.client(node);
        int port = f.get(client, "/test/port").json().path("port").asInt();
        assertEquals(200, f.get(client, "/test/whoami").status());
        f.pki.revoke(node.leaf().getSerialNumber());
        EdgeFixture.Reply refused = f.get(client, "/test/whoami");
        assertEquals(401, refused.status(), refused.text());
        assertEquals("CERT_REVOKED", refused.code());
        assertEquals(port, f.get(client, "/test/port").json().path("port").asInt(), "one keep-alive connection");
    }

    @Test
    void theBundleOfThisMomentDecidesOnAnOpenConnection() throws IOException {
        TestPki other = new TestPki("edge.example", KeyType.P256);
        try (RawHttp connection = RawHttp.tls(f.pki.clientContext(f.node), f.edge.port())) {
            assertEquals(200, connection.get("/test/whoami").status());
            // The server now trusts only another CA of the same domain (a bundle with a new sequence).
            f.pki.current.set(new dev.cairn.trust.bundle.TrustBundle(
                    f.pki.domain, 2, other.bundle.refreshHint(), other.bundle.entries()));
            try {
                RawHttp.Response refused = connection.get("/test/whoami");
                assertEquals(401, refused.status(), refused.text());
                assertEquals("CERT_CHAIN_INVALID", refused.code());
            } finally {
                f.pki.current.set(f.pki.bundle);
            }
            assertEquals(200, connection.get("/test/whoami").status());
        }
    }

    @Test
    void aServiceCertificateOnANodeRouteIs403() {
        TestPki.Credential service =
                f.pki.issue(dev.cairn.trust.identity.CairnId.service(f.pki.domain, "c1", "monitor"), Profile.SERVICE);
        EdgeFixture.Reply node = f.get(f.client(service), "/test/whoami");
        assertEquals(403, node.status(), node.text());
        assertEquals("AUTH_PEER_KIND_NOT_ALLOWED", node.code());
        EdgeFixture.Reply either = f.get(f.client(service), "/test/services/whoami");
        assertEquals(200, either.status(), either.text());
        assertEquals("SERVICE", either.json().path("kind").asText());
    }

    @Test
    void aCertificateOfAnotherTrustDomainGainsNothing() throws Exception {
        TestPki other = new TestPki("other.example", KeyType.P256);
        TestPki.Credential stranger = other.issue(other.node("n-1"), Profile.NODE_CLIENT);
        // A JDK client sends no certificate to a server that does not name its CA: it is anonymous.
        var polite = dev.cairn.trust.tls.TlsContexts.client(
                stranger.key(), stranger.chain(), f.pki.serverVerifier(), TestPki.ACCESS);
        EdgeFixture.Reply anonymous = f.get(EdgeFixture.client(polite), "/test/whoami");
        assertEquals(401, anonymous.status(), anonymous.text());
        assertEquals("TLS_PEER_MISSING", anonymous.code());
        // A client that sends it anyway does not complete the handshake.
        var forced = ForcedClientCertificate.context(stranger);
        assertThrows(IOException.class, () -> {
            try (RawHttp connection = RawHttp.tls(forced, f.edge.port())) {
                connection.get("/healthz");
            }
        });
        // The same forced client with a certificate of our domain gets through: the refusal above
        // was the certificate's.
        try (RawHttp connection = RawHttp.tls(ForcedClientCertificate.context(f.node), f.edge.port())) {
            assertEquals(200, connection.get("/test/whoami").status());
        }
    }

    @Test
    void thereIsNoPlainHttp() throws IOException {
        Connector[] connectors = f.edge.javalin().jettyServer().server().getConnectors();
        assertEquals(1, connectors.length);
        assertTrue(((ServerConnector) connectors[0]).getConnectionFactory(SslConnectionFactory.class) != null);
        try (java.net.Socket plain = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), f.edge.port())) {
            plain.setSoTimeout(10_000);
            plain.getOutputStream()
                    .write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] answer;
            try {
                answer = plain.getInputStream().readNBytes(5);
            } catch (IOException e) {
                answer = new byte[0];
            }
            // Whatever comes back (a TLS alert, or nothing), it is not HTTP.
            assertTrue(!new String(answer, java.nio.charset.StandardCharsets.US_ASCII).startsWith("HTTP"));
        }
    }

    @Test
    void tls12IsRefused() throws IOException {
        SSLSocket socket = (SSLSocket) f.pki.anonymousContext()
                .getSocketFactory()
                .createSocket(java.net.InetAddress.getLoopbackAddress(), f.edge.port());
        try (socket) {
            SSLParameters tls12 = new SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            socket.setSSLParameters(tls12);
            socket.setSoTimeout(10_000);
            assertThrows(IOException.class, socket::startHandshake);
        }
    }

    private static int portOf(RawHttp connection) {
        try {
            return EdgeFixture.MAPPER
                    .readTree(connection.get("/test/port").body())
                    .path("port")
                    .asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
