package dev.cairn.agent.run;

import dev.cairn.agent.client.Answer;
import dev.cairn.agent.client.ApiError;
import dev.cairn.agent.client.NodeApi;
import dev.cairn.agent.client.NodeCertificate;
import dev.cairn.agent.enroll.IssuedCheck;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.agent.trust.HeldTrust;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.renewal.RenewalPolicy;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renewal at the stored renewal point ({@code spec/agent.md}, "Renewal"): a new key pair, its file
 * written and fsynced first; a CSR for it sent over the node's mTLS connection; the returned
 * certificate checked ({@link IssuedCheck}: the new key, the node's own identity, the pinned root, a CA
 * of the held bundle); then one publication naming the new key and chain, after which the old key
 * file is deleted and the new key is used. A crash before that publication leaves the old, still
 * valid, certificate in use and the new key file as garbage; the renewal happens again.
 *
 * <p>The renewal point is the one {@code RenewalPolicy} drew when the certificate was stored (uniform
 * in [1/2, 2/3] of its lifetime), kept in the state so that restarts do not draw again. A failed
 * renewal is retried with the agent's backoff until the certificate expires.
 */
final class Renewal {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final Set<ErrorCode> REVOCATION_CODES =
            Set.of(ErrorCode.CERT_REVOKED, ErrorCode.NODE_REVOKED, ErrorCode.NODE_NOT_ACTIVE);

    /** A renewal that was published. */
    record Renewed(ActiveState state, SigningKey key) {}

    private final RunOptions o;
    private final StateDirectory dir;
    private final NodeRunner.Fencer fencer;
    private Instant retryAt = Instant.MIN;
    private int failures;
    private SigningKey next;

    Renewal(RunOptions o, StateDirectory dir, NodeRunner.Fencer fencer) {
        this.o = o;
        this.dir = dir;
        this.fencer = fencer;
    }

    /** Renews if the renewal point (or the retry time after a failure) has come. */
    Optional<Renewed> ifDue(ActiveState state, SigningKey key, HeldTrust trust, NodeApi api) {
        Instant now = o.clock().instant();
        Instant notAfter = state.certificate().getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new VerificationException(
                    ErrorCode.AGENT_CERT_EXPIRED,
                    "the node certificate expired at " + notAfter + " before it could be renewed",
                    Map.of("expected", "at or before " + notAfter, "found", now.toString()),
                    null);
        }
        if (now.isBefore(state.renewAt()) || now.isBefore(retryAt)) {
            return Optional.empty();
        }
        try {
            Renewed renewed = renew(state, key, trust, api);
            failures = 0;
            retryAt = Instant.MIN;
            o.notices()
                    .accept("renewed: serial "
                            + renewed.state().certificate().getSerialNumber().toString(16)
                            + ", not after "
                            + renewed.state().certificate().getNotAfter().toInstant()
                            + ", next renewal at " + renewed.state().renewAt());
            return Optional.of(renewed);
        } catch (CairnException e) {
            if (e.code() == ErrorCode.AGENT_FENCED || !(e.retryable() || e.code() == ErrorCode.AGENT_TLS_REFUSED)) {
                throw e;
            }
            retryAt =
                    now.plus(o.backoff().delay(failures++, e.retryAfter().orElse(java.time.Duration.ZERO), o.random()));
            o.notices().accept("renewal failed, retrying at " + retryAt + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Renewed renew(ActiveState state, SigningKey key, HeldTrust trust, NodeApi api) {
        if (next == null) {
            // One new key per renewal, kept across retries: its file is written once, before the CSR.
            next = dir.createKey(key.type(), o.random(), ACCESS);
        }
        Answer<NodeCertificate> answer = api.renew(CsrBuilder.build(next, Optional.empty()));
        if (answer instanceof Answer.Refused<NodeCertificate> refused) {
            ApiError error = refused.error();
            if (REVOCATION_CODES.stream().anyMatch(error::is)) {
                throw fencer.fence(error);
            }
            throw error.toException();
        }
        IssuedCheck.Checked checked = IssuedCheck.check(
                ((Answer.Ok<NodeCertificate>) answer).value(),
                next.verificationKey(),
                state.enrollment().caPin(),
                trust.bundle().trustDomain(),
                state.enrollment().cluster(),
                Optional.of(state.identity()),
                o.clock().instant());
        X509Certificate leaf = checked.leaf();
        if (!trust.bundle().certificates().contains(checked.chain().get(1)) && trust.refreshBundle(api)) {
            o.notices().accept("fetched trust bundle " + trust.bundle().sequence() + " for the renewed certificate");
        }
        if (!trust.bundle().certificates().contains(checked.chain().get(1))) {
            throw new VerificationException(
                    ErrorCode.AGENT_SERVER_ANSWER_INVALID,
                    "the renewed certificate's issuer "
                            + leaf.getIssuerX500Principal().getName()
                            + " is not a CA of the held trust bundle (sequence "
                            + trust.bundle().sequence() + ")",
                    Map.of("member", "certificate_chain"),
                    null);
        }
        ActiveState renewed = new ActiveState(
                state.enrollment(),
                next.verificationKey(),
                state.identity(),
                checked.chain(),
                trust.bundle(),
                trust.headBytes(),
                RenewalPolicy.renewAt(leaf, o.random()));
        dir.publish(renewed);
        SigningKey used = next;
        next = null;
        return new Renewed(renewed, used);
    }
}
