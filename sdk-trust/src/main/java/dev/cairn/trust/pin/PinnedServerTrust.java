package dev.cairn.trust.pin;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.tls.TlsContexts;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of a client that holds no trust bundle yet, or that must reach the server without
 * one ({@code spec/agent.md}, "Pinning"; {@code spec/server.md}, the admin client): a handshake
 * completes only with TLS 1.3, a server chain that leads to the root CA of the pinned SHA-256
 * fingerprint ({@link PinnedChain}, extended key usage {@code serverAuth}), and a leaf whose one
 * subjectAltName is the server identity {@code cairn://<td>/cluster/cairn-control/service/server}
 * ({@link CairnId#server}).
 *
 * <p>The trust domain is the one given, or, if none is given, the one the server's certificate names:
 * the pinned root vouches for the certificates it issued, and only the server holds one for the
 * reserved {@code cairn-control} cluster. There is no host-name check: Cairn certificates carry no
 * host names (their only name is the Cairn identity), and an attacker who controls DNS or the network
 * still cannot present a chain to the pinned root for the server identity. Revocation is not checked:
 * the client holds no revocation state yet.
 *
 * <p>A refusal reaches the JSSE as a {@link CertificateException} whose cause is a {@link
 * VerificationException} with the caller's code (one for the protocol and the chain, one for the
 * leaf's name), and the handshake fails before any request byte is sent. Thread-safe.
 */
public final class PinnedServerTrust extends X509ExtendedTrustManager {
    private final CaFingerprint pin;
    private final Optional<TrustDomain> trustDomain;
    private final Clock clock;
    private final ErrorCode chainRefusal;
    private final ErrorCode identityRefusal;
    private volatile Accepted accepted;

    /**
     * What a handshake accepted.
     *
     * @param server the server's identity, which names the trust domain
     * @param path the server's chain from the leaf up to and including the pinned root
     */
    public record Accepted(CairnId server, List<X509Certificate> path) {
        /**
         * Checks both are present and copies the path.
         *
         * @param server the server's identity
         * @param path the chain, leaf first, the pinned root last
         */
        public Accepted {
            Objects.requireNonNull(server, "server");
            path = List.copyOf(path);
        }

        /**
         * The pinned root.
         *
         * @return the last certificate of the path, the one whose fingerprint is the pin
         */
        public X509Certificate root() {
            return path.get(path.size() - 1);
        }
    }

    /**
     * A trust manager for a pin whose every refusal has one code.
     *
     * @param pin the root CA's fingerprint
     * @param trustDomain the expected trust domain, or empty to take the server certificate's
     * @param clock what "now" is for validity
     * @param refusal the code of every refusal
     */
    public PinnedServerTrust(CaFingerprint pin, Optional<TrustDomain> trustDomain, Clock clock, ErrorCode refusal) {
        this(pin, trustDomain, clock, refusal, refusal);
    }

    /**
     * A trust manager for a pin.
     *
     * @param pin the root CA's fingerprint
     * @param trustDomain the expected trust domain, or empty to take the server certificate's
     * @param clock what "now" is for validity
     * @param chainRefusal the code of a refused protocol or chain
     * @param identityRefusal the code of a leaf that does not name the server
     */
    public PinnedServerTrust(
            CaFingerprint pin,
            Optional<TrustDomain> trustDomain,
            Clock clock,
            ErrorCode chainRefusal,
            ErrorCode identityRefusal) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chainRefusal = Objects.requireNonNull(chainRefusal, "chainRefusal");
        this.identityRefusal = Objects.requireNonNull(identityRefusal, "identityRefusal");
    }

    /**
     * A TLS 1.3 client context that trusts a server only as this trust manager allows and presents no
     * certificate.
     *
     * @return a new context
     * @throws InternalException {@link ErrorCode#INTERNAL_CRYPTO} if the JVM has no TLS 1.3
     */
    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance(TlsContexts.PROTOCOL);
            context.init(null, new TrustManager[] {this}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * What the last accepted handshake (or {@link #verify}) accepted.
     *
     * @return the server's identity and path, or empty before a handshake succeeded
     */
    public Optional<Accepted> accepted() {
        return Optional.ofNullable(accepted);
    }

    /**
     * The server identity of the last accepted handshake, which names the trust domain.
     *
     * @return the identity, or empty before a handshake succeeded
     */
    public Optional<CairnId> serverIdentity() {
        return accepted().map(Accepted::server);
    }

    /**
     * Checks a server chain as a handshake does, without the protocol check, and records what it
     * accepted.
     *
     * @param chain the chain, leaf first
     * @return the server's identity
     * @throws VerificationException the chain refusal code if the chain does not validate to the pinned
     *     root; the identity refusal code if the leaf does not name the server (of the expected trust
     *     domain)
     */
    public CairnId verify(List<X509Certificate> chain) {
        List<X509Certificate> path =
                PinnedChain.validate(chain, pin, PinnedChain.SERVER_AUTH, clock.instant(), chainRefusal);
        Optional<CairnId> id = CairnId.inCertificate(chain.get(0));
        String want = trustDomain
                .map(td -> CairnId.server(td).uri())
                .orElse("cairn://<td>/cluster/" + CairnId.CONTROL_CLUSTER + "/service/" + CairnId.SERVER_SERVICE);
        if (id.isEmpty()
                || !id.get().isServer()
                || (trustDomain.isPresent()
                        && !trustDomain.get().equals(id.get().trustDomain()))) {
            throw new VerificationException(
                    identityRefusal,
                    "the server certificate names " + id.map(CairnId::uri).orElse("no single cairn:// URI") + ", want "
                            + want,
                    Map.of("expected", want, "found", id.map(CairnId::uri).orElse("none")),
                    null);
        }
        accepted = new Accepted(id.get(), path);
        return id.get();
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
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void check(X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        try {
            if (handshake == null || !TlsContexts.PROTOCOL.equals(handshake.getProtocol())) {
                throw VerificationException.mismatch(
                        chainRefusal, TlsContexts.PROTOCOL, handshake == null ? "unknown" : handshake.getProtocol());
            }
            verify(chain == null ? List.of() : List.of(chain));
        } catch (CairnException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }
}
