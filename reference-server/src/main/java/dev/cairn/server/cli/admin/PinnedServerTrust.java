package dev.cairn.server.cli.admin;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.tls.TlsContexts;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of the first connection, before the client holds a trust bundle: accepts a TLS
 * 1.3 server chain only if it ends in the root of the pinned fingerprint, each certificate is signed
 * by the next and within its validity, the issuers are CAs, and the leaf carries exactly one URI SAN,
 * {@code cairn://<td>/cluster/cairn-control/service/server}. Revocation is not checked here (the
 * client has no revocation state yet); the connection only fetches the public, signed trust bundle and
 * revocation chain, and the connection that sends the credential is verified with revocation.
 */
final class PinnedServerTrust extends X509ExtendedTrustManager {
    private final RootPin pin;
    private final Optional<String> expectedDomain;
    private final AtomicReference<Accepted> accepted = new AtomicReference<>();

    /** What the handshake accepted: the pinned root and the server's identity. */
    record Accepted(X509Certificate root, CairnId server) {}

    PinnedServerTrust(RootPin pin, Optional<String> expectedDomain) {
        this.pin = pin;
        this.expectedDomain = expectedDomain;
    }

    /** The root and identity of the last accepted handshake. */
    Optional<Accepted> accepted() {
        return Optional.ofNullable(accepted.get());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this context verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this context verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this context verifies servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void check(X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        if (handshake == null || !TlsContexts.PROTOCOL.equals(handshake.getProtocol())) {
            throw new CertificateException(
                    "TLS 1.3 only; negotiated " + (handshake == null ? "unknown" : handshake.getProtocol()));
        }
        try {
            accepted.set(verify(chain == null ? List.of() : List.of(chain)));
        } catch (CairnException e) {
            throw new CertificateException(e.code() + ": " + e.getMessage(), e);
        }
    }

    private Accepted verify(List<X509Certificate> chain) {
        if (chain.size() < 2) {
            throw new VerificationException(
                    ErrorCode.CERT_CHAIN_INVALID,
                    "the server sent " + chain.size() + " certificates, want its chain to the root");
        }
        X509Certificate root = chain.get(chain.size() - 1);
        String got = RootPin.of(root).text();
        if (!pin.matches(root)) {
            throw VerificationException.mismatch(ErrorCode.CERT_CHAIN_INVALID, "root " + pin.text(), "root " + got);
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : root;
            try {
                cert.checkValidity();
                cert.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new VerificationException(
                        ErrorCode.CERT_CHAIN_INVALID, "server chain certificate " + i + ": " + e.getMessage());
            }
            if (i > 0 && cert.getBasicConstraints() < 0) {
                throw new VerificationException(
                        ErrorCode.CERT_CHAIN_INVALID, "server chain certificate " + i + " is not a CA");
            }
        }
        CairnId id = leafIdentity(chain.get(0));
        if (id.kind() != CairnId.Kind.SERVICE
                || !ServerTrust.CONTROL_CLUSTER.equals(id.cluster())
                || !ServerTrust.SERVER_SERVICE.equals(id.name())
                || expectedDomain
                        .filter(d -> !d.equals(id.trustDomain().name()))
                        .isPresent()) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID,
                    "cairn://" + expectedDomain.orElse("<td>") + "/cluster/cairn-control/service/server",
                    id.uri());
        }
        return new Accepted(root, id);
    }

    private static CairnId leafIdentity(X509Certificate leaf) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new VerificationException(ErrorCode.TLS_PEER_IDENTITY_INVALID, "unreadable subjectAltName");
        }
        if (names == null || names.size() != 1) {
            throw new VerificationException(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID, "the server certificate must carry exactly one SAN");
        }
        List<?> name = names.iterator().next();
        if (!Integer.valueOf(6).equals(name.get(0)) || !(name.get(1) instanceof String uri)) {
            throw new VerificationException(ErrorCode.TLS_PEER_IDENTITY_INVALID, "the server SAN is not a URI");
        }
        try {
            return CairnId.parse(uri);
        } catch (CairnException e) {
            throw new VerificationException(ErrorCode.TLS_PEER_IDENTITY_INVALID, "the server SAN is not a Cairn id");
        }
    }
}
