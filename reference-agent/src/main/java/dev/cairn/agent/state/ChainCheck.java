package dev.cairn.agent.state;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.pin.CaFingerprint;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate checks of start-up: the one URI SAN is the stored identity, the pinned root is in
 * the held bundle, the leaf leads to it through the bundle's CA certificates (signatures and CA
 * validity), and the stored chain is the start of that path.
 */
final class ChainCheck {
    private ChainCheck() {}

    static void identity(X509Certificate leaf, CairnId expected) {
        Optional<CairnId> found = CairnId.inCertificate(leaf);
        if (found.isEmpty() || !found.get().equals(expected)) {
            throw VerificationException.mismatch(
                    ErrorCode.AGENT_CERT_IDENTITY_MISMATCH,
                    expected.uri(),
                    found.map(CairnId::uri).orElse("no single cairn:// URI SAN"));
        }
    }

    /**
     * The path from the leaf to the pinned root, leaf first, root last, by names and signatures only;
     * {@link #validity} checks its times. The leaf's issuer must be a CA certificate of the held bundle
     * (the one the server verifies the node with); above it, the path continues through the bundle's
     * CA certificates and the issuers the stored chain carries, up to the pinned root. Cairn's bundles
     * hold the issuing intermediates ({@code spec/trust-bundle.md}), so the pinned root usually comes
     * from the stored chain, as the server sent it.
     */
    static List<X509Certificate> path(
            X509Certificate leaf, List<X509Certificate> chain, TrustBundle bundle, CaFingerprint pin) {
        List<X509Certificate> cas = bundle.certificates();
        List<X509Certificate> known = new ArrayList<>(cas);
        chain.stream().skip(1).filter(c -> !known.contains(c)).forEach(known::add);
        if (known.stream().noneMatch(pin::matches)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", pin.toString());
            details.put(
                    "found",
                    String.join(
                            ",",
                            known.stream()
                                    .map(c -> CaFingerprint.of(c).toString())
                                    .toList()));
            throw new VerificationException(
                    ErrorCode.AGENT_TRUST_PIN_MISMATCH,
                    "neither the held trust bundle (sequence " + bundle.sequence() + ") nor the stored chain has"
                            + " a CA certificate with the pinned fingerprint " + pin,
                    details,
                    null);
        }
        if (leaf.getBasicConstraints() != -1) {
            throw untrusted("the node certificate is a CA certificate");
        }
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (current == leaf || !pin.matches(current)) {
            if (path.size() > KeyFiles.MAX_CERTIFICATES) {
                throw untrusted("no path to the pinned CA within " + KeyFiles.MAX_CERTIFICATES + " certificates");
            }
            X509Certificate issuer = issuer(current, current == leaf ? cas : known);
            if (issuer.equals(current) || path.contains(issuer)) {
                throw untrusted("the path ends at "
                        + issuer.getSubjectX500Principal().getName() + ", which is not the pinned CA " + pin);
            }
            path.add(issuer);
            current = issuer;
        }
        if (chain.size() > path.size() || !path.subList(0, chain.size()).equals(chain)) {
            throw untrusted("the stored chain of " + chain.size()
                    + " certificates is not the start of the path to the pinned CA");
        }
        return List.copyOf(path);
    }

    /** Every certificate of the path must be valid now: the node certificate first, then its issuers. */
    static void validity(List<X509Certificate> path, Instant now) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            String what = i == 0
                    ? "the node certificate"
                    : "the issuing CA " + certificate.getSubjectX500Principal().getName();
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (now.isBefore(notBefore)) {
                throw new VerificationException(
                        ErrorCode.AGENT_CERT_NOT_YET_VALID,
                        what + " is valid from " + notBefore + "; the clock says " + now,
                        Map.of("expected", "at or after " + notBefore, "found", now.toString()),
                        null);
            }
            if (now.isAfter(notAfter)) {
                throw new VerificationException(
                        ErrorCode.AGENT_CERT_EXPIRED,
                        what + " expired at " + notAfter + "; the clock says " + now,
                        Map.of("expected", "at or before " + notAfter, "found", now.toString()),
                        null);
            }
        }
    }

    private static X509Certificate issuer(X509Certificate certificate, List<X509Certificate> cas) {
        for (X509Certificate ca : cas) {
            if (ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && verifies(certificate, ca)) {
                return ca;
            }
        }
        throw untrusted("no CA certificate of the held trust bundle issued "
                + certificate.getSubjectX500Principal().getName() + " (issuer "
                + certificate.getIssuerX500Principal().getName() + ")");
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static VerificationException untrusted(String message) {
        return new VerificationException(ErrorCode.AGENT_CERT_UNTRUSTED, message);
    }
}
