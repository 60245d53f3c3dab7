package dev.cairn.trust.tls;

import dev.cairn.errors.CairnException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JSSE trust manager of Cairn's TLS contexts: a handshake succeeds only with TLS 1.3 and a
 * peer chain {@link PeerVerifier} accepts. The JSSE sees a {@link CertificateException} whose cause
 * is the typed Cairn exception.
 */
final class CairnTrustManager extends X509ExtendedTrustManager {
    private final PeerVerifier verifier;

    CairnTrustManager(PeerVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(PeerRole.CLIENT, chain, session(socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(PeerRole.SERVER, chain, session(socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(PeerRole.CLIENT, chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(PeerRole.SERVER, chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(PeerRole.CLIENT, chain, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(PeerRole.SERVER, chain, null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return verifier.acceptedIssuers().toArray(new X509Certificate[0]);
    }

    private void check(PeerRole peer, X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        if (peer != verifier.role()) {
            throw new CertificateException("this context verifies " + verifier.role() + " peers, not " + peer);
        }
        if (handshake == null || !TlsContexts.PROTOCOL.equals(handshake.getProtocol())) {
            throw new CertificateException(
                    "TLS 1.3 only; negotiated " + (handshake == null ? "unknown" : handshake.getProtocol()));
        }
        try {
            verifier.verify(chain);
        } catch (CairnException e) {
            throw new CertificateException(e.code() + ": " + e.getMessage(), e);
        }
    }

    private static SSLSession session(Socket socket) {
        return socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    }
}
