package dev.cairn.trust.tls;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.internal.X509Signatures;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The time-independent checks of a peer's leaf: issuer in the bundle and signature, end-entity
 * constraints, the one URI SAN. Their result can be remembered for as long as the bundle is the
 * same; validity and revocation are checked on every call by {@link PeerVerifier}.
 */
final class LeafCheck {
    /** The extensions a Cairn leaf may mark critical (RFC 5280 4.2: refuse unknown critical ones). */
    private static final Set<String> KNOWN_CRITICAL = Set.of(
            Extension.basicConstraints.getId(),
            Extension.keyUsage.getId(),
            Extension.subjectAlternativeName.getId(),
            Extension.extendedKeyUsage.getId());

    private static final int SAN_URI = 6;
    private static final int DIGITAL_SIGNATURE = 0;

    /** A leaf that passed, with the bundle CA that issued it. */
    record Result(CairnId id, X509Certificate issuer) {}

    private LeafCheck() {}

    static Result check(X509Certificate leaf, TrustBundle bundle, PeerRole role, Optional<CairnId> expectedId)
            throws CertificateParsingException {
        X509Certificate issuer = issuer(leaf, bundle.entries());
        if (leaf.getBasicConstraints() != -1) {
            throw chain("the peer certificate is a CA certificate");
        }
        Set<String> critical = leaf.getCriticalExtensionOIDs();
        if (critical != null && !KNOWN_CRITICAL.containsAll(critical)) {
            throw chain("the peer certificate has an unknown critical extension: " + critical);
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage == null || !keyUsage[DIGITAL_SIGNATURE]) {
            throw chain("the peer certificate's key usage lacks digitalSignature");
        }
        List<String> extendedKeyUsage = leaf.getExtendedKeyUsage();
        if (extendedKeyUsage == null || !extendedKeyUsage.contains(role.extendedKeyUsage())) {
            throw VerificationException.mismatch(
                    ErrorCode.CERT_CHAIN_INVALID,
                    "extended key usage " + role.extendedKeyUsage() + " (" + role + ")",
                    String.valueOf(extendedKeyUsage));
        }
        CairnId id = identity(leaf.getSubjectAlternativeNames());
        if (!id.trustDomain().equals(bundle.trustDomain())) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID,
                    "an identity in " + bundle.trustDomain().name(),
                    id.uri());
        }
        if (expectedId.isPresent() && !expectedId.get().equals(id)) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID, expectedId.get().uri(), id.uri());
        }
        return new Result(id, issuer);
    }

    /** The bundle CA whose subject is the leaf's issuer and whose key verifies the leaf's signature. */
    private static X509Certificate issuer(X509Certificate leaf, List<CaEntry> cas) {
        for (CaEntry ca : cas) {
            if (ca.certificate().getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                    && X509Signatures.verifies(ca.key(), leaf)) {
                return ca.certificate();
            }
        }
        throw chain(
                "the peer certificate's issuer " + leaf.getIssuerX500Principal().getName()
                        + " is not a CA of the trust bundle, or its signature does not verify");
    }

    private static CairnId identity(Collection<List<?>> names) {
        if (names == null || names.size() != 1) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID,
                    "exactly one subjectAltName",
                    (names == null ? 0 : names.size()) + " names");
        }
        List<?> name = names.iterator().next();
        if (!(name.get(0) instanceof Integer type) || type != SAN_URI || !(name.get(1) instanceof String uri)) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID, "a URI subjectAltName", "name type " + name.get(0));
        }
        try {
            return CairnId.parse(uri);
        } catch (MalformedInputException e) {
            throw new VerificationException(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID,
                    "the subjectAltName " + uri + " is not a Cairn identity",
                    java.util.Map.of("expected", "a cairn:// identity (spec/identity.md)", "found", uri),
                    e);
        }
    }

    private static VerificationException chain(String message) {
        return new VerificationException(ErrorCode.CERT_CHAIN_INVALID, message);
    }
}
