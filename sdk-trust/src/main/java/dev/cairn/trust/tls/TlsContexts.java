package dev.cairn.trust.tls;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.internal.JcaKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * TLS 1.3 contexts from Cairn keys, certificates and a trust bundle ({@code spec/tls-identity.md}).
 * They use the JDK's own TLS implementation (SunJSSE) and key manager; the trust manager is
 * Cairn's, so a handshake completes only when {@link PeerVerifier} accepts the peer and the
 * protocol is TLS 1.3. A server context sends the trust bundle's CA certificates as acceptable
 * issuers and must be used with {@link #serverParameters()} (or the equivalent settings of the
 * server, such as Jetty's {@code setNeedClientAuth(true)} and {@code setIncludeProtocols("TLSv1.3")}).
 */
public final class TlsContexts {
    /** The only protocol Cairn's contexts complete a handshake with. */
    public static final String PROTOCOL = "TLSv1.3";

    private static final String ALIAS = "cairn";

    private TlsContexts() {}

    /**
     * A server context for mutual TLS: presents the server's chain and requires a client chain that
     * {@code clients} accepts.
     *
     * @param key the server's private key
     * @param chain the server's certificate first, then its issuers
     * @param clients the verifier of client chains ({@link PeerRole#CLIENT})
     * @param access the explicit token to hand the key to the JSSE
     * @return the context
     */
    public static SSLContext server(
            SigningKey key, List<X509Certificate> chain, PeerVerifier clients, InsecureSecretKeyAccess access) {
        requireRole(clients, PeerRole.CLIENT);
        return context(keyManagers(key, chain, access), clients);
    }

    /**
     * A server context for mutual TLS whose certificate can be re-issued while it serves: every
     * handshake presents the chain {@code chain} returns at that moment (a new list after a renewal;
     * the same list object while nothing changed, which is what makes the check cheap). The key stays
     * the same; connections already open keep the chain they were made with.
     *
     * @param key the server's private key
     * @param chain the server's current chain, its certificate first, then its issuers
     * @param clients the verifier of client chains ({@link PeerRole#CLIENT})
     * @param access the explicit token to hand the key to the JSSE
     * @return the context
     */
    public static SSLContext server(
            SigningKey key,
            Supplier<List<X509Certificate>> chain,
            PeerVerifier clients,
            InsecureSecretKeyAccess access) {
        requireRole(clients, PeerRole.CLIENT);
        Objects.requireNonNull(key, "key");
        PrivateKey jdkKey;
        try {
            jdkKey = jdkPrivateKey(key, access);
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS key manager: " + e.getMessage(), e);
        }
        return context(
                new KeyManager[] {
                    new CurrentChainKeyManager(chain, c -> (X509ExtendedKeyManager) keyManagers(jdkKey, c)[0])
                },
                clients);
    }

    /**
     * A client context for mutual TLS: presents the client's chain and accepts a server that
     * {@code servers} accepts.
     *
     * @param key the client's private key
     * @param chain the client's certificate first, then its issuers
     * @param servers the verifier of server chains ({@link PeerRole#SERVER})
     * @param access the explicit token to hand the key to the JSSE
     * @return the context
     */
    public static SSLContext client(
            SigningKey key, List<X509Certificate> chain, PeerVerifier servers, InsecureSecretKeyAccess access) {
        requireRole(servers, PeerRole.SERVER);
        return context(keyManagers(key, chain, access), servers);
    }

    /**
     * A client context without a client certificate (an operator with a bearer token), still
     * accepting only a server that {@code servers} accepts.
     *
     * @param servers the verifier of server chains ({@link PeerRole#SERVER})
     * @return the context
     */
    public static SSLContext client(PeerVerifier servers) {
        requireRole(servers, PeerRole.SERVER);
        return context(null, servers);
    }

    /**
     * The parameters a server socket or engine of a {@link #server} context uses: TLS 1.3 only, a
     * client certificate required.
     *
     * @return fresh parameters
     */
    public static SSLParameters serverParameters() {
        SSLParameters parameters = clientParameters();
        parameters.setNeedClientAuth(true);
        return parameters;
    }

    /**
     * The parameters a client socket or engine uses: TLS 1.3 only.
     *
     * @return fresh parameters
     */
    public static SSLParameters clientParameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {PROTOCOL});
        return parameters;
    }

    private static SSLContext context(KeyManager[] keyManagers, PeerVerifier verifier) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers, new TrustManager[] {new CairnTrustManager(verifier)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(
            SigningKey key, List<X509Certificate> chain, InsecureSecretKeyAccess access) {
        Objects.requireNonNull(key, "key");
        try {
            return keyManagers(jdkPrivateKey(key, access), chain);
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS key manager: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain needs at least the key's certificate");
        }
        char[] password = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS key manager: " + e.getMessage(), e);
        }
    }

    /** The key as the JDK's own provider represents it, which SunJSSE signs with. */
    private static PrivateKey jdkPrivateKey(SigningKey key, InsecureSecretKeyAccess access)
            throws GeneralSecurityException {
        byte[] pkcs8 = JcaKeys.privateKey(key, access).getEncoded();
        try {
            return KeyFactory.getInstance(key.type() == KeyType.ED25519 ? "Ed25519" : "EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static void requireRole(PeerVerifier verifier, PeerRole role) {
        if (verifier.role() != role) {
            throw new IllegalArgumentException("the verifier must expect " + role + " peers, not " + verifier.role());
        }
    }
}
