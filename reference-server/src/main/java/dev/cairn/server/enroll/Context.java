package dev.cairn.server.enroll;

import dev.cairn.bytes.Digest;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.Statement;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Supplier;

/** What the enrollment services share. */
record Context(
        Database db,
        AuditLog log,
        CertificateAuthority ca,
        SecretBytes joinTokenKey,
        InsecureSecretKeyAccess access,
        Supplier<TrustBundle> bundles,
        ServerRevocation revocation,
        EnrollmentSettings settings,
        Clock clock,
        SecureRandom random,
        Digest policyHash) {
    /** The actor of a join request, which has no identity yet. */
    static final String ANONYMOUS = "anonymous";

    static Digest policyHash(EnrollmentSettings s) {
        return RequestHash.of("enrollment-policy")
                .bool("auto_approve", s.autoApprove())
                .integer("node_cert_ttl_ms", s.nodeCertTtl().toMillis())
                .integer("request_lifetime_ms", s.requestLifetime().toMillis())
                .digest();
    }

    Action action(String kind, String actor, String subject, RequestHash request) {
        return new Action(kind, actor, subject, settings.epoch(), policyHash, request.digest(), Statement.OK);
    }

    long now() {
        return clock.millis();
    }

    /** The certificate fields of an approved poll or a renewal. */
    NodeCertificate certificate(String identity, X509Certificate leaf) {
        StringBuilder pem = new StringBuilder(IssuedCertificate.pem(leaf));
        ca.chain().forEach(c -> pem.append(IssuedCertificate.pem(c)));
        String bundle = jwks(bundles.get());
        return new NodeCertificate(
                identity,
                leaf.getSerialNumber().toString(16),
                leaf.getNotAfter().toInstant().toString(),
                pem.toString(),
                bundle);
    }

    /** The last bundle rendered and its JWKS: bundles change rarely, polls are frequent. */
    private static final java.util.concurrent.atomic.AtomicReference<Object[]> LAST_JWKS =
            new java.util.concurrent.atomic.AtomicReference<>(new Object[] {null, null});

    static String jwks(TrustBundle bundle) {
        Object[] last = LAST_JWKS.get();
        if (last[0] == bundle) {
            return (String) last[1];
        }
        String rendered = new String(TrustBundleJwks.render(bundle), StandardCharsets.US_ASCII);
        LAST_JWKS.set(new Object[] {bundle, rendered});
        return rendered;
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("an issued certificate always encodes", e);
        }
    }
}
