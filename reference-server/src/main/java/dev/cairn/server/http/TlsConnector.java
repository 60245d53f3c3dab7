package dev.cairn.server.http;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The edge's only listener ({@code spec/http-api.md}, "Listener"): TLS 1.3 over the given context,
 * HTTP/1.1, a client certificate requested but not required (routes that need one refuse the
 * request without it), no renegotiation, SNI neither required nor checked against the server
 * certificate (clients check the server's Cairn identity themselves).
 */
final class TlsConnector {
    static final String PROTOCOL = "TLSv1.3";

    private TlsConnector() {}

    static ServerConnector create(
            Server server, HttpConfiguration base, SSLContext context, String host, int port, Limits limits) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        tls.setIncludeProtocols(PROTOCOL);
        tls.setWantClientAuth(true);
        tls.setNeedClientAuth(false);
        tls.setRenegotiationAllowed(false);
        tls.setSniRequired(false);

        HttpConfiguration http = new HttpConfiguration(base);
        http.getCustomizers().removeIf(SecureRequestCustomizer.class::isInstance);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);
        http.setSecureScheme("https");
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());

        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
    }
}
