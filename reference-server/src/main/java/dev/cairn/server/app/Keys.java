package dev.cairn.server.app;

import dev.cairn.errors.ErrorCode;
import dev.cairn.server.http.CheckResult;
import dev.cairn.server.pki.ServerPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Readiness: the keys are loaded and their certificates usable now. The TLS listener serves the
 * certificate it loaded at start, so a TLS certificate past the end of its renewal window (two thirds
 * of its life, {@code ca.md}) fails this check: a restart serves the renewed one, well before the old
 * one expires.
 */
final class Keys {
    private Keys() {}

    static CheckResult check(ServerPki pki, Instant now) {
        X509Certificate tls = pki.tlsChain().get(0);
        for (X509Certificate certificate :
                List.of(tls, pki.logSigner().chain().get(0), pki.ca().chain().get(0))) {
            if (now.isAfter(certificate.getNotAfter().toInstant())
                    || now.isBefore(certificate.getNotBefore().toInstant())) {
                return CheckResult.failed(
                        ErrorCode.CERT_EXPIRED,
                        "certificate " + certificate.getSerialNumber().toString(16) + " is not valid now");
            }
        }
        Instant from = tls.getNotBefore().toInstant();
        Instant windowEnd = from.plus(Duration.between(from, tls.getNotAfter().toInstant())
                .multipliedBy(2)
                .dividedBy(3));
        if (now.isAfter(windowEnd)) {
            return CheckResult.failed(
                    ErrorCode.CERT_EXPIRED,
                    "the TLS certificate is past its renewal window (since " + windowEnd
                            + "); restart the server to serve the renewed one");
        }
        return CheckResult.ok("tls certificate valid until " + tls.getNotAfter().toInstant());
    }
}
