package dev.cairn.trust.tls;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

/** Validity-window checks with Cairn's codes, instead of the JDK's untyped exceptions. */
final class Validity {
    private Validity() {}

    static void check(X509Certificate certificate, Instant now, String what, String when) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            throw new VerificationException(
                    ErrorCode.CERT_NOT_YET_VALID,
                    what + " is valid from " + notBefore + "; " + when + " is " + now,
                    Map.of("expected", "at or after " + notBefore, "found", now.toString()),
                    null);
        }
        if (now.isAfter(notAfter)) {
            throw new VerificationException(
                    ErrorCode.CERT_EXPIRED,
                    what + " expired at " + notAfter + "; " + when + " is " + now,
                    Map.of("expected", "at or before " + notAfter, "found", now.toString()),
                    null);
        }
    }

    static void checkIssuer(X509Certificate issuer, Instant now, String when) {
        Instant notBefore = issuer.getNotBefore().toInstant();
        Instant notAfter = issuer.getNotAfter().toInstant();
        if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
            throw VerificationException.mismatch(
                    ErrorCode.CERT_CHAIN_INVALID,
                    "an issuing CA valid " + notBefore + " .. " + notAfter,
                    when + " " + now);
        }
    }
}
