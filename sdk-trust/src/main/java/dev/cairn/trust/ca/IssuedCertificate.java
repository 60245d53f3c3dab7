package dev.cairn.trust.ca;

import dev.cairn.trust.internal.Pem;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate the CA issued and the chain above it.
 *
 * @param certificate the new certificate
 * @param chain the issuing CA's chain: intermediate first, root last
 */
public record IssuedCertificate(X509Certificate certificate, List<X509Certificate> chain) {
    /**
     * Copies the chain.
     *
     * @param certificate the certificate
     * @param chain the chain above it
     */
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    /**
     * The certificate followed by its chain, as PEM: what a TLS endpoint presents (the root may be
     * left out by the caller).
     *
     * @return the PEM text
     */
    public String pemWithChain() {
        StringBuilder out = new StringBuilder(pem(certificate));
        chain.forEach(c -> out.append(pem(c)));
        return out.toString();
    }

    /**
     * One certificate as PEM.
     *
     * @param certificate the certificate
     * @return the PEM block
     */
    public static String pem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("an issued certificate always encodes", e);
        }
    }
}
