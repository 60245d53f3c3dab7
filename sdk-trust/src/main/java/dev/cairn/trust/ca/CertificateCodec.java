package dev.cairn.trust.ca;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.internal.Certificates;
import java.security.cert.X509Certificate;

/**
 * Reads certificates that arrive as DER bytes, such as the log key chains an audit bundle carries
 * ({@code spec/audit-bundle.md}, "Trust"), as strictly as Cairn reads certificate files ({@code
 * spec/ca.md}, "Key files").
 */
public final class CertificateCodec {
    /** Largest certificate accepted, in bytes. */
    public static final int MAX_BYTES = Certificates.MAX_BYTES;

    private CertificateCodec() {}

    /**
     * Parses exactly one DER certificate with the JDK's X.509 implementation.
     *
     * @param der the bytes
     * @return the certificate
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} if the bytes are not exactly one
     *     certificate of at most {@link #MAX_BYTES} that re-encodes to the same bytes
     */
    public static X509Certificate fromDer(byte[] der) {
        return Certificates.fromDer(der.clone());
    }
}
