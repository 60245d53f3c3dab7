package dev.cairn.trust.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/** DER to JDK certificates, strictly: one certificate, re-encoding to the same bytes. */
public final class Certificates {
    /** Largest certificate accepted, in bytes. */
    public static final int MAX_BYTES = 16 * 1024;

    private Certificates() {}

    /**
     * Parses one DER certificate with the JDK's own X.509 implementation.
     *
     * @param der the bytes
     * @return the certificate
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} if it is not exactly one
     *     certificate within the size limit
     */
    public static X509Certificate fromDer(byte[] der) {
        if (der.length > MAX_BYTES) {
            throw new MalformedInputException(
                    ErrorCode.CERT_MALFORMED, der.length + " bytes, want at most " + MAX_BYTES);
        }
        try {
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw new MalformedInputException(ErrorCode.CERT_MALFORMED, "bytes after the certificate");
            }
            return certificate;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof MalformedInputException m) {
                throw m;
            }
            throw new MalformedInputException(ErrorCode.CERT_MALFORMED, "not an X.509 certificate: " + e.getMessage());
        }
    }
}
