package dev.cairn.server.cli.admin;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The pinned root CA: the plain SHA-256 of its certificate's DER, {@code sha256:<64 lowercase hex>},
 * the value {@code cairn-server serve} prints and {@code openssl x509 -fingerprint -sha256} shows.
 *
 * @param hex the 64 lowercase hex digits
 */
record RootPin(String hex) {
    private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-f]{64}");

    static RootPin parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new MalformedInputException(
                    ErrorCode.CONFIG_INVALID, "--ca-fingerprint: want sha256:<64 lowercase hex>");
        }
        return new RootPin(text.substring("sha256:".length()));
    }

    static RootPin of(X509Certificate certificate) {
        try {
            return new RootPin(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "root fingerprint: " + e.getMessage(), e);
        }
    }

    boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(
                hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                of(certificate).hex().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    String text() {
        return "sha256:" + hex;
    }
}
