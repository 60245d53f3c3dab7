package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.store.audit.Recorded;
import dev.cairn.trust.ca.CertificateCodec;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Join requests ({@code spec/enrollment.md} sections 3 and 4): submitted with a join token and a
 * CSR, polled with the poll secret, approved (issuing the node's certificate) or denied once.
 */
final class JoinRequests {
    private static final byte[] NO_REQUEST = new byte[32];
    private static final int LIST_LIMIT = 1000;

    private final Context ctx;

    JoinRequests(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Records a join request; the CSR is verified before the token is consumed, so a bad CSR costs
     * no use.
     */
    JoinAccepted submit(JoinSubmission submission, String peerAddress) {
        JoinTokenWire.Parsed token = JoinTokenWire.parse(submission.token(), ctx.access());
        byte[] der = submission.csrDer();
        VerifiedCsr csr = CsrVerifier.verify(der);
        if (!csr.requestedUris().isEmpty()) {
            throw new VerificationException(
                    ErrorCode.CSR_NAMES_NOT_ALLOWED,
                    "a join request's CSR asks for no name: the server chooses the node's identity");
        }
        byte[] hmac = JoinTokenWire.keyedHash(ctx.joinTokenKey(), token.secret(), ctx.access());
        String requestId = Ids.requestId(ctx.random());
        String pollSecret = PollSecret.generate(ctx.random());
        byte[] pollHash = PollSecret.hash(pollSecret);
        String address = peerAddress.length() > 128 ? peerAddress.substring(0, 128) : peerAddress;
        RequestHash request = RequestHash.of("join-request.submit")
                .bytes("csr", der)
                .map("facts", submission.facts().toCbor())
                .texts("capabilities", submission.capabilities())
                .text("token_id", token.tokenId());
        ctx.log().execute(m -> {
            long now = ctx.now();
            String cluster = JoinTokens.consume(m.connection(), token, hmac, now);
            RequestTable.insert(
                    m.connection(),
                    new RequestTable.Row(
                            requestId,
                            cluster,
                            token.tokenId(),
                            pollHash,
                            JoinStatus.PENDING.wire(),
                            der,
                            csr.key().kid().toHex(),
                            csr.key().type().name(),
                            submission.facts(),
                            submission.capabilities(),
                            address,
                            now,
                            now + ctx.settings().requestLifetime().toMillis(),
                            m.sequence(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            return Recorded.of(cluster, ctx.action("join-request.submit", Context.ANONYMOUS, requestId, request));
        });
        if (ctx.settings().autoApprove()) {
            approve(ctx.settings().serverIdentity(), requestId, csr);
            return new JoinAccepted(requestId, JoinStatus.APPROVED.wire(), pollSecret, 0);
        }
        return new JoinAccepted(
                requestId,
                JoinStatus.PENDING.wire(),
                pollSecret,
                ctx.settings().pollAfter().toSeconds());
    }

    PollAnswer poll(String requestId, String authorization) {
        String secret = PollSecret.fromHeader(authorization);
        byte[] presented = PollSecret.hash(secret);
        Optional<RequestTable.Row> row = Ids.REQUEST_ID.matcher(requestId).matches()
                ? ctx.db().read(c -> RequestTable.find(c, requestId))
                : Optional.empty();
        byte[] stored = row.map(RequestTable.Row::pollHash).orElse(NO_REQUEST);
        if (!MessageDigest.isEqual(stored, presented) || row.isEmpty()) {
            throw PollSecret.unauthorized();
        }
        RequestTable.Row r = row.get();
        return switch (r.status(ctx.now())) {
            case PENDING ->
                PollAnswer.pending(requestId, ctx.settings().pollAfter().toSeconds());
            case EXPIRED -> throw expired(r);
            case DENIED -> PollAnswer.denied(requestId, r.reason());
            case APPROVED -> {
                byte[] der =
                        ctx.db().read(c -> NodeTable.certificate(c, r.serial())).orElseThrow();
                X509Certificate leaf = CertificateCodec.fromDer(der);
                yield PollAnswer.approved(requestId, ctx.certificate(identity(r, r.nodeId()), leaf));
            }
        };
    }

    List<JoinRequestView> list(Optional<JoinStatus> status) {
        long now = ctx.now();
        Optional<String> stored = status.map(s -> s == JoinStatus.EXPIRED ? JoinStatus.PENDING.wire() : s.wire());
        return ctx.db().read(c -> RequestTable.list(c, stored, LIST_LIMIT)).stream()
                .filter(r -> status.isEmpty() || r.status(now) == status.get())
                .map(r -> r.view(now, r.nodeId() == null ? null : identity(r, r.nodeId())))
                .toList();
    }

    JoinRequestView get(String requestId) {
        RequestTable.Row r = read(requestId);
        return r.view(ctx.now(), r.nodeId() == null ? null : identity(r, r.nodeId()));
    }

    /**
     * Approves: issues the certificate first (outside the audit log's head lock; a refusal in the
     * mutation then wastes one recorded serial, nothing else), then in one mutation marks the request
     * approved, creates the node with its host binding and records the certificate.
     */
    JoinRequestView approve(CairnId actor, String requestId) {
        return approve(actor, requestId, null);
    }

    /** Approves with the CSR verified at submission (automatic approval), or verifies the stored one. */
    private JoinRequestView approve(CairnId actor, String requestId, VerifiedCsr verified) {
        RequestTable.Row r = undecided(read(requestId));
        VerifiedCsr csr = verified != null ? verified : CsrVerifier.verify(r.csr());
        String nodeId = Ids.nodeId(ctx.random());
        CairnId identity = CairnId.node(ctx.settings().trustDomain(), r.cluster(), nodeId);
        IssuedCertificate issued = ctx.ca()
                .issue(
                        csr,
                        identity,
                        Profile.NODE_CLIENT,
                        Optional.of(ctx.settings().nodeCertTtl()));
        X509Certificate leaf = issued.certificate();
        BigInteger serial = leaf.getSerialNumber();
        byte[] der = Context.der(leaf);
        return ctx.log()
                .execute(m -> {
                    long now = ctx.now();
                    if (!RequestTable.approve(
                            m.connection(), requestId, now, actor.uri(), m.sequence(), nodeId, serial.toString(16))) {
                        undecided(RequestTable.find(m.connection(), requestId).orElseThrow());
                        throw decided();
                    }
                    NodeTable.insert(
                            m.connection(),
                            new NodeTable.Row(
                                    nodeId,
                                    r.cluster(),
                                    identity.uri(),
                                    "active",
                                    r.facts().hostFingerprint(),
                                    r.capabilities(),
                                    null,
                                    null,
                                    now,
                                    requestId,
                                    m.sequence(),
                                    null,
                                    null));
                    NodeTable.insertCertificate(
                            m.connection(),
                            serial,
                            nodeId,
                            now,
                            leaf.getNotAfter().getTime(),
                            der,
                            m.sequence());
                    RequestTable.Row after =
                            RequestTable.find(m.connection(), requestId).orElseThrow();
                    return Recorded.of(
                            after.view(now, identity.uri()),
                            ctx.action(
                                    "join-request.approve",
                                    actor.uri(),
                                    requestId,
                                    RequestHash.of("join-request.approve")
                                            .text("request_id", requestId)
                                            .text("identity", identity.uri())
                                            .text("serial", serial.toString(16))
                                            .bytes("certificate", der)));
                })
                .result();
    }

    JoinRequestView deny(CairnId actor, String requestId, Denial denial) {
        undecided(read(requestId));
        return ctx.log()
                .execute(m -> {
                    long now = ctx.now();
                    if (!RequestTable.deny(
                            m.connection(), requestId, now, actor.uri(), m.sequence(), denial.reason())) {
                        undecided(RequestTable.find(m.connection(), requestId).orElseThrow());
                        throw decided();
                    }
                    RequestTable.Row after =
                            RequestTable.find(m.connection(), requestId).orElseThrow();
                    return Recorded.of(
                            after.view(now, null),
                            ctx.action(
                                    "join-request.deny",
                                    actor.uri(),
                                    requestId,
                                    RequestHash.of("join-request.deny")
                                            .text("request_id", requestId)
                                            .text("reason", denial.reason())));
                })
                .result();
    }

    private RequestTable.Row read(String requestId) {
        Optional<RequestTable.Row> row = Ids.REQUEST_ID.matcher(requestId).matches()
                ? ctx.db().read(c -> RequestTable.find(c, requestId))
                : Optional.empty();
        return row.orElseThrow(() -> new VerificationException(
                ErrorCode.JOIN_REQUEST_NOT_FOUND, "no join request " + Clusters.shorten(requestId)));
    }

    /** The row if it can still be decided, else the refusal. */
    private RequestTable.Row undecided(RequestTable.Row r) {
        return switch (r.status(ctx.now())) {
            case PENDING -> r;
            case EXPIRED -> throw expired(r);
            case APPROVED, DENIED -> throw decided();
        };
    }

    private static VerificationException decided() {
        return new VerificationException(ErrorCode.JOIN_REQUEST_DECIDED, "the join request was already decided");
    }

    private static VerificationException expired(RequestTable.Row r) {
        return VerificationException.mismatch(
                ErrorCode.JOIN_REQUEST_EXPIRED, "decided before " + Times.iso(r.expiresMs()), "undecided");
    }

    private String identity(RequestTable.Row r, String nodeId) {
        return CairnId.node(ctx.settings().trustDomain(), r.cluster(), nodeId).uri();
    }
}
