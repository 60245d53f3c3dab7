package dev.cairn.agent.enroll;

import dev.cairn.agent.client.NodeCertificate;
import dev.cairn.agent.state.CertificateNames;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.pin.PinnedChain;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a certificate the server issued (approval or renewal) before the agent stores it: it is for
 * the agent's own key, names exactly the identity the server announced (a node of the expected trust
 * domain and cluster, or the node's own identity on renewal), states its own serial and expiry, leads
 * to the pinned root through the chain sent (JDK {@code CertPathValidator}), carries {@code
 * clientAuth}, and was issued by a CA of the trust bundle sent with it, which is of the same trust
 * domain. Every failure is {@link ErrorCode#AGENT_SERVER_ANSWER_INVALID}; nothing is stored then.
 */
public final class IssuedCheck {
    private IssuedCheck() {}

    /**
     * A certificate answer that passed the checks.
     *
     * @param identity the node's identity
     * @param chain the chain to store, leaf first, as the server sent it
     * @param bundle the trust bundle sent with it
     */
    public record Checked(CairnId identity, List<X509Certificate> chain, TrustBundle bundle) {
        /**
         * Copies the chain.
         *
         * @param identity the identity
         * @param chain the chain
         * @param bundle the bundle
         */
        public Checked {
            chain = List.copyOf(chain);
        }

        /**
         * The node certificate.
         *
         * @return the leaf
         */
        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    /**
     * Checks a certificate answer.
     *
     * @param answer the decoded answer
     * @param key the agent's key the certificate must certify
     * @param pin the pinned root
     * @param trustDomain the server's trust domain
     * @param cluster the cluster the identity must be in, if the agent knows it
     * @param identity the identity it must be, on renewal
     * @param now the instant the chain must be valid at
     * @return the checked certificate
     * @throws VerificationException {@link ErrorCode#AGENT_SERVER_ANSWER_INVALID}
     */
    public static Checked check(
            NodeCertificate answer,
            VerificationKey key,
            CaFingerprint pin,
            TrustDomain trustDomain,
            Optional<String> cluster,
            Optional<CairnId> identity,
            Instant now) {
        CairnId id = answer.identity();
        String want = identity.map(CairnId::uri)
                .orElse("a node of " + trustDomain.name()
                        + cluster.map(c -> " in cluster " + c).orElse(""));
        if (id.kind() != CairnId.Kind.NODE
                || !id.trustDomain().equals(trustDomain)
                || (cluster.isPresent() && !cluster.get().equals(id.cluster()))
                || (identity.isPresent() && !identity.get().equals(id))) {
            throw invalid("identity", want, id.uri());
        }
        X509Certificate leaf = answer.chain().get(0);
        if (!CertificateNames.certifies(leaf, key)) {
            throw invalid(
                    "key", "a certificate for the key with kid " + key.kid().toHex(), "another key");
        }
        Optional<CairnId> named = CairnId.inCertificate(leaf);
        if (!named.equals(Optional.of(id))) {
            throw invalid("subjectAltName", id.uri(), named.map(CairnId::uri).orElse("no single cairn:// URI"));
        }
        if (!leaf.getSerialNumber().equals(answer.serial())) {
            throw invalid(
                    "serial",
                    leaf.getSerialNumber().toString(16),
                    answer.serial().toString(16));
        }
        if (!leaf.getNotAfter().toInstant().equals(answer.notAfter())) {
            throw invalid(
                    "not_after",
                    leaf.getNotAfter().toInstant().toString(),
                    answer.notAfter().toString());
        }
        PinnedChain.validate(answer.chain(), pin, PinnedChain.CLIENT_AUTH, now, ErrorCode.AGENT_SERVER_ANSWER_INVALID);
        TrustBundle bundle = answer.trustBundle();
        if (!bundle.trustDomain().equals(trustDomain)) {
            throw invalid(
                    "trust_bundle", trustDomain.name(), bundle.trustDomain().name());
        }
        if (bundle.certificates().stream().noneMatch(ca -> issued(ca, leaf))) {
            throw invalid(
                    "trust_bundle",
                    "a CA certificate that issued "
                            + leaf.getIssuerX500Principal().getName(),
                    "none among " + bundle.certificates().size());
        }
        return new Checked(id, answer.chain(), bundle);
    }

    private static boolean issued(X509Certificate ca, X509Certificate leaf) {
        if (!ca.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return false;
        }
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static VerificationException invalid(String member, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("member", member);
        details.put("expected", expected);
        details.put("found", found);
        return new VerificationException(
                ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                "the issued certificate's " + member + ": got " + found + ", want " + expected,
                details,
                null);
    }
}
