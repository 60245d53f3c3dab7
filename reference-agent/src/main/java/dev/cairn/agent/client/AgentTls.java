package dev.cairn.agent.client;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.trust.tls.TlsContexts;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** TLS contexts of the agent that {@code TlsContexts} does not make: the pinned one, without a client key. */
public final class AgentTls {
    private AgentTls() {}

    /**
     * A TLS 1.3 client context that trusts a server only as {@link PinnedServerTrust} allows and
     * presents no certificate.
     *
     * @param trust the pinned trust manager
     * @return the context
     */
    public static SSLContext pinned(PinnedServerTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance(TlsContexts.PROTOCOL);
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "TLS context: " + e.getMessage(), e);
        }
    }
}
