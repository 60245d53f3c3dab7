package dev.cairn.trust.pin;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.keyfile.KeyFiles;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a certificate chain against a pinned root: the chain must contain a certificate whose
 * SHA-256 DER fingerprint is the pin, and the certificates before it must form an RFC 5280 path to
 * it, validated by the JDK's {@link CertPathValidator} ({@code PKIX}, without revocation, at the
 * given instant) with that certificate as the only trust anchor; the leaf must not be a CA and must
 * carry the extended key usage asked for.
 *
 * <p>Security guarantees: a chain is accepted only if the pinned root vouches for its leaf through
 * the certificates given. Certificates after the root in the chain are ignored. It does not check
 * revocation (the pinned path is used before the client holds any revocation state) or the leaf's
 * name: callers check the identity.
 */
public final class PinnedChain {
    /** {@code id-kp-serverAuth}. */
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** {@code id-kp-clientAuth}. */
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private PinnedChain() {}

    /**
     * Validates a chain.
     *
     * @param chain the leaf first, then its issuers, with the pinned root among them
     * @param pin the pinned root's fingerprint
     * @param extendedKeyUsage the OID the leaf's extended key usage must contain
     * @param at when the path must be valid
     * @param code the code of every refusal
     * @return the path from the leaf up to and including the pinned root
     * @throws VerificationException {@code code}, with details {@code expected} and {@code found}
     */
    public static List<X509Certificate> validate(
            List<X509Certificate> chain, CaFingerprint pin, String extendedKeyUsage, Instant at, ErrorCode code) {
        if (chain.isEmpty() || chain.size() > KeyFiles.MAX_CERTIFICATES) {
            throw refused(
                    code,
                    "a chain of 1 to " + KeyFiles.MAX_CERTIFICATES + " certificates",
                    chain.size() + " certificates");
        }
        int root = -1;
        for (int i = 0; i < chain.size() && root < 0; i++) {
            if (pin.matches(chain.get(i))) {
                root = i;
            }
        }
        if (root < 0) {
            throw refused(
                    code,
                    "a chain to the pinned root " + pin,
                    String.join(
                            ",",
                            chain.stream()
                                    .map(c -> CaFingerprint.of(c).toString())
                                    .toList()));
        }
        if (root == 0) {
            throw refused(code, "a leaf certificate issued under the pinned root", "the pinned root itself");
        }
        X509Certificate leaf = chain.get(0);
        if (leaf.getBasicConstraints() != -1) {
            throw refused(code, "an end-entity leaf", "a CA certificate as the leaf");
        }
        checkUsage(leaf, extendedKeyUsage, code);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath path = factory.generateCertPath(chain.subList(0, root));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(root), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new VerificationException(
                    code,
                    "the chain does not validate to the pinned root " + pin + ": " + e.getMessage(),
                    Map.of("expected", "a valid path to " + pin, "found", String.valueOf(e.getMessage())),
                    e);
        }
        return List.copyOf(chain.subList(0, root + 1));
    }

    private static void checkUsage(X509Certificate leaf, String oid, ErrorCode code) {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw refused(code, "a readable extended key usage", e.getMessage());
        }
        if (usages == null || !usages.contains(oid)) {
            throw refused(code, "extended key usage " + oid, String.valueOf(usages));
        }
    }

    private static VerificationException refused(ErrorCode code, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new VerificationException(code, "got " + found + ", want " + expected, details, null);
    }
}
