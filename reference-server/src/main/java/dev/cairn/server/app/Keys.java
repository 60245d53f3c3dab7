package dev.cairn.server.app;

import dev.cairn.errors.ErrorCode;
import dev.cairn.server.http.CheckResult;
import dev.cairn.server.pki.ServerPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Readiness: the keys are loaded and their certificates usable now. The server renews its own
 * certificates while it runs ({@link OwnCertificateRenewal}, at a point between 1/2 and 2/3 of their
 * lives), so a TLS or log signer certificate past the end of its renewal window (two thirds of its
 * life, {@code ca.md}) means renewal has been failing: not ready, well before the certificate expires.
 */
final class Keys {
    private Keys() {}

    static CheckResult check(ServerPki pki, Instant now) {
        X509Certificate tls = pki.tlsChain().get(0);
        X509Certificate log = pki.logSigner().chain().get(0);
        for (X509Certificate certificate : List.of(tls, log, pki.ca().chain().get(0))) {
            if (now.isAfter(certificate.getNotAfter().toInstant())
                    || now.isBefore(certificate.getNotBefore().toInstant())) {
                return CheckResult.failed(
                        ErrorCode.CERT_EXPIRED,
                        "certificate " + certificate.getSerialNumber().toString(16) + " is not valid now");
            }
        }
        for (X509Certificate certificate : List.of(tls, log)) {
            Instant from = certificate.getNotBefore().toInstant();
            Instant windowEnd =
                    from.plus(Duration.between(from, certificate.getNotAfter().toInstant())
                            .multipliedBy(2)
                            .dividedBy(3));
            if (now.isAfter(windowEnd)) {
                return CheckResult.failed(
                        ErrorCode.CERT_EXPIRED,
                        "certificate " + certificate.getSerialNumber().toString(16)
                                + " is past its renewal window (since " + windowEnd
                                + ") and was not renewed; the server's notices say why");
            }
        }
        return CheckResult.ok(
                "tls certificate valid until " + tls.getNotAfter().toInstant() + ", renewed from " + pki.tlsRenewAt());
    }
}
