package dev.cairn.agent.client;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.ca.CertificateCodec;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.keyfile.KeyFiles;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads a certificate chain sent as PEM text: 1 to {@link KeyFiles#MAX_CERTIFICATES} {@code
 * CERTIFICATE} blocks (RFC 7468 strict, 64-character lines, LF), each a strict DER certificate, and
 * nothing else: the text must be byte for byte the canonical PEM of the certificates it holds, so
 * that there is one spelling of a chain.
 */
public final class PemCertificates {
    /** Largest chain text accepted. */
    public static final int MAX_CHARS = KeyFiles.MAX_FILE_BYTES;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----\n";
    private static final String END = "-----END CERTIFICATE-----\n";

    private PemCertificates() {}

    /**
     * Parses a chain.
     *
     * @param pem the text, leaf first
     * @param what the answer member it came in, for messages
     * @return the certificates in text order
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED} for anything but
     *     the canonical PEM of 1 to 8 certificates
     */
    public static List<X509Certificate> parse(String pem, String what) {
        if (pem.length() > MAX_CHARS || !pem.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f))) {
            throw malformed(what, "want at most " + MAX_CHARS + " characters of ASCII PEM");
        }
        List<X509Certificate> chain = new ArrayList<>();
        int at = 0;
        while (at < pem.length()) {
            if (chain.size() == KeyFiles.MAX_CERTIFICATES) {
                throw malformed(what, "more than " + KeyFiles.MAX_CERTIFICATES + " certificates");
            }
            if (!pem.startsWith(BEGIN, at)) {
                throw malformed(what, "want a CERTIFICATE block at offset " + at);
            }
            int end = pem.indexOf(END, at);
            if (end < 0) {
                throw malformed(what, "a CERTIFICATE block without its end line");
            }
            String body = pem.substring(at + BEGIN.length(), end).replace("\n", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw malformed(what, "a CERTIFICATE block that is not base64");
            }
            try {
                chain.add(CertificateCodec.fromDer(der));
            } catch (CairnException e) {
                throw new MalformedInputException(
                        ErrorCode.AGENT_SERVER_ANSWER_MALFORMED, what + ": " + e.getMessage(), -1, Map.of(), e);
            }
            at = end + END.length();
        }
        if (chain.isEmpty()) {
            throw malformed(what, "no certificate");
        }
        if (!render(chain).equals(pem)) {
            throw malformed(what, "not the canonical PEM of its certificates");
        }
        return List.copyOf(chain);
    }

    /**
     * The canonical PEM of certificates.
     *
     * @param chain the certificates
     * @return their {@code CERTIFICATE} blocks in order
     */
    public static String render(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        chain.forEach(certificate -> out.append(IssuedCertificate.pem(certificate)));
        return out.toString();
    }

    private static MalformedInputException malformed(String what, String message) {
        return Wire.malformed(what, "$", message);
    }
}
