package dev.cairn.trust.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.trust.internal.Pem;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PEM form of a trust bundle ({@code spec/trust-bundle.md}, "PEM form"): its CA certificates as
 * {@code CERTIFICATE} blocks (RFC 7468), current first, for TLS stacks and tools that take a CA file.
 * It carries no trust domain, sequence, refresh hint or status, so it reads back as trust anchors,
 * not as a {@link TrustBundle}.
 */
public final class TrustBundlePem {
    /** Largest PEM bundle accepted, in bytes, checked before parsing. */
    public static final int MAX_BYTES = 256 * 1024;

    private TrustBundlePem() {}

    /**
     * Renders a bundle's certificates.
     *
     * @param bundle the bundle
     * @return one {@code CERTIFICATE} block per CA, current first, 64-character lines, LF line ends
     */
    public static String render(TrustBundle bundle) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : bundle.certificates()) {
            try {
                out.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "a parsed certificate does not encode", e);
            }
        }
        return out.toString();
    }

    /**
     * Parses a PEM bundle strictly: 1 to {@link TrustBundle#MAX_ENTRIES} {@code CERTIFICATE} blocks
     * and nothing else, each one strict DER certificate of a CA with an Ed25519 or P-256 key, no key
     * twice.
     *
     * @param pem the PEM bytes
     * @return the CA certificates in file order
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} for anything else
     */
    public static List<X509Certificate> parse(byte[] pem) {
        if (pem.length > MAX_BYTES) {
            throw BundleErrors.malformed(pem.length + " bytes of PEM, want at most " + MAX_BYTES);
        }
        List<byte[]> blocks = Pem.all(pem, "CERTIFICATE", ErrorCode.BUNDLE_MALFORMED, TrustBundle.MAX_ENTRIES);
        if (blocks.isEmpty()) {
            throw BundleErrors.malformed("no CERTIFICATE block");
        }
        List<X509Certificate> out = new ArrayList<>(blocks.size());
        Set<Bytes> kids = new HashSet<>();
        for (byte[] der : blocks) {
            X509Certificate certificate;
            try {
                certificate = Certificates.fromDer(der);
            } catch (MalformedInputException e) {
                throw BundleErrors.malformed("a block is not a certificate", e);
            }
            CaEntry entry = new CaEntry(certificate, CaStatus.CURRENT);
            if (!kids.add(entry.key().kid())) {
                throw BundleErrors.malformed(
                        "two certificates have the key " + entry.key().kid().toBase64Url());
            }
            out.add(certificate);
        }
        return List.copyOf(out);
    }
}
