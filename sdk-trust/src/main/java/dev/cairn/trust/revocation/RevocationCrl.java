package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.trust.internal.Pem;
import java.security.cert.X509CRL;
import java.util.Objects;

/**
 * An X.509 v2 CRL (RFC 5280 section 5) made from a revocation head and its entries by a {@link
 * RevocationCrlSigner}, for TLS stacks and tools that read CRLs, such as OpenSSL and the JDK's PKIX
 * validator.
 */
public final class RevocationCrl {
    /** The PEM label of a CRL (RFC 7468 section 9). */
    public static final String PEM_LABEL = "X509 CRL";

    private final X509CRL crl;
    private final Bytes der;

    RevocationCrl(X509CRL crl, Bytes der) {
        this.crl = Objects.requireNonNull(crl);
        this.der = Objects.requireNonNull(der);
    }

    /**
     * The CRL as the JDK parsed it.
     *
     * @return the CRL
     */
    public X509CRL crl() {
        return crl;
    }

    /**
     * The DER encoding.
     *
     * @return the bytes
     */
    public Bytes der() {
        return der;
    }

    /**
     * The PEM encoding: one {@code X509 CRL} block.
     *
     * @return the PEM text
     */
    public String pem() {
        return Pem.encode(PEM_LABEL, der.toByteArray());
    }
}
