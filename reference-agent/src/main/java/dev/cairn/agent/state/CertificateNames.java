package dev.cairn.agent.state;

import dev.cairn.trust.identity.CairnId;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one Cairn identity a certificate names ({@code spec/identity.md}): its only subjectAltName. */
public final class CertificateNames {
    private static final int SAN_URI = 6;

    private CertificateNames() {}

    /**
     * The identity of a certificate: its subjectAltName extension holds exactly one name, a URI, and
     * that URI is a canonical {@code cairn://} identity.
     *
     * @param certificate the certificate
     * @return the identity, or empty if the certificate has no such single name
     */
    public static Optional<CairnId> identity(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null || names.size() != 1) {
            return Optional.empty();
        }
        List<?> name = names.iterator().next();
        if (!(name.get(0) instanceof Integer type) || type != SAN_URI || !(name.get(1) instanceof String uri)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CairnId.parse(uri));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a certificate certifies a key: its SubjectPublicKeyInfo is the key's.
     *
     * @param certificate the certificate
     * @param key the key
     * @return {@code true} if the certificate's public key is {@code key}
     */
    public static boolean certifies(X509Certificate certificate, dev.cairn.keys.VerificationKey key) {
        return KeyMatch.certifies(certificate, key);
    }
}
