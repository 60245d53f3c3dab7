package dev.cairn.server.pki;

import dev.cairn.checkpoint.LogId;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;

/**
 * The server's own names ({@code spec/enrollment.md}, section 1), besides its TLS identity {@link
 * CairnId#server}.
 */
public final class ServerIdentities {
    private ServerIdentities() {}

    /**
     * The audit log's id.
     *
     * @param trustDomain the trust domain
     * @return {@code <td>/audit}
     */
    public static LogId log(TrustDomain trustDomain) {
        return new LogId(trustDomain.name() + "/audit");
    }

    /**
     * The identity in the log signing key's certificate ({@code identity.md}, log signers).
     *
     * @param trustDomain the trust domain
     * @return {@code cairn://<td>/log/audit}
     */
    public static CairnId logSigner(TrustDomain trustDomain) {
        return CairnId.forLog(log(trustDomain));
    }
}
