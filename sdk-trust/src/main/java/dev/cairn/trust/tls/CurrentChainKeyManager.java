package dev.cairn.trust.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager that presents the chain a supplier gives now: one key, whose certificate may be
 * re-issued while the context is in use (a server renewing its own certificate). Each handshake asks
 * the supplier; when it returns another list than the last one, the JDK key manager behind this one
 * is rebuilt for it, so every later handshake presents the new chain and connections already open
 * keep theirs. Thread-safe.
 */
final class CurrentChainKeyManager extends X509ExtendedKeyManager {
    private final Supplier<List<X509Certificate>> chains;
    private final Function<List<X509Certificate>, X509ExtendedKeyManager> build;
    private volatile Current current;

    /** The chain last seen and the JDK key manager built for it. */
    private record Current(List<X509Certificate> chain, X509ExtendedKeyManager manager) {}

    CurrentChainKeyManager(
            Supplier<List<X509Certificate>> chains, Function<List<X509Certificate>, X509ExtendedKeyManager> build) {
        this.chains = Objects.requireNonNull(chains, "chains");
        this.build = Objects.requireNonNull(build, "build");
        List<X509Certificate> first = chains.get();
        this.current = new Current(first, build.apply(first));
    }

    private X509ExtendedKeyManager manager() {
        List<X509Certificate> now = chains.get();
        Current seen = current;
        if (now == seen.chain()) {
            return seen.manager();
        }
        synchronized (this) {
            if (now != current.chain()) {
                current = new Current(now, build.apply(now));
            }
            return current.manager();
        }
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return manager().getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return manager().chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return manager().chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return manager().getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return manager().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return manager().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return current.manager().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return current.manager().getPrivateKey(alias);
    }
}
