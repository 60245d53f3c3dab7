package dev.cairn.verifier.bundle;

/**
 * Which statement signatures an {@link AuditBundleVerifier} checks ({@code spec/audit-bundle.md},
 * "What is proven").
 */
public enum StatementSignaturePolicy {
    /**
     * The default. A statement whose protected header is exactly the one the covering checkpoint's
     * signer writes ({@code alg}, the statement content type and that key's kid), with an empty
     * unprotected header and a 64-byte signature, is proven by the checkpoint: the checkpoint's
     * signature commits to the MMR, whose leaf commits to the statement's exact bytes. Its own
     * signature is not checked. Every other statement's signature is verified under the trusted keys.
     */
    VERIFY_OTHER_SIGNERS,

    /**
     * Every statement's signature is verified, so that each statement also stands on its own as a
     * signed object. One signature check per receipt: about {@code count / 12,000} seconds per core
     * with Bouncy Castle's Ed25519.
     */
    VERIFY_ALL
}
