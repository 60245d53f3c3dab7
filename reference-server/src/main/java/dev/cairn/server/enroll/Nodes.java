package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.store.audit.Recorded;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.renewal.RenewalPolicy;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.tls.PeerIdentity;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolled nodes ({@code spec/enrollment.md} sections 5 and 6): their calls over mTLS (heartbeat,
 * renewal), the operators' reads, and revocation.
 */
final class Nodes {
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);
    private static final int LIST_LIMIT = 1000;

    private final Context ctx;

    Nodes(Context ctx) {
        this.ctx = ctx;
    }

    List<NodeView> all() {
        return ctx.db().read(c -> {
            List<NodeView> out = new java.util.ArrayList<>();
            for (NodeTable.Row r : NodeTable.all(c, LIST_LIMIT)) {
                out.add(r.view(NodeTable.certificates(c, r.nodeId())));
            }
            return out;
        });
    }

    NodeView get(String nodeId) {
        return ctx.db()
                .read(c -> {
                    Optional<NodeTable.Row> row =
                            Ids.NODE_ID.matcher(nodeId).matches() ? NodeTable.byId(c, nodeId) : Optional.empty();
                    return row.isEmpty()
                            ? Optional.<NodeView>empty()
                            : Optional.of(row.get().view(NodeTable.certificates(c, nodeId)));
                })
                .orElseThrow(() -> notFound(nodeId));
    }

    /**
     * Revokes a node: every unexpired certificate goes on the revocation chain and the node's status
     * becomes revoked, in one mutation with the {@code node.revoke} statement; then a head is
     * published so that the edge refuses the node's next call.
     */
    NodeView revoke(CairnId operator, String nodeId, RevocationReason reason) {
        if (!Ids.NODE_ID.matcher(nodeId).matches()) {
            throw notFound(nodeId);
        }
        ctx.log().execute(m -> {
            NodeTable.Row row = NodeTable.byId(m.connection(), nodeId).orElseThrow(() -> notFound(nodeId));
            if (!row.status().equals("active")) {
                throw new VerificationException(ErrorCode.NODE_REVOKED, "node " + nodeId + " is already revoked");
            }
            long now = ctx.now();
            List<BigInteger> serials = NodeTable.unexpiredSerials(m.connection(), nodeId, now);
            ctx.revocation().append(m.connection(), serials, reason, Instant.ofEpochMilli(now), m.sequence());
            NodeTable.revoke(m.connection(), nodeId, now, reason.name());
            return Recorded.of(
                    null,
                    ctx.action(
                            "node.revoke",
                            operator.uri(),
                            row.identity(),
                            RequestHash.of("node.revoke")
                                    .text("identity", row.identity())
                                    .text("reason", reason.name())
                                    .texts(
                                            "serials",
                                            serials.stream()
                                                    .map(s -> s.toString(16))
                                                    .toList())));
        });
        try {
            ctx.revocation().publish();
        } catch (RuntimeException e) {
            LOG.warn(
                    "publishing the revocation head after revoking {} failed; the next periodic one covers it",
                    nodeId,
                    e);
        }
        return get(nodeId);
    }

    HeartbeatAck heartbeat(PeerIdentity peer, Heartbeat beat) {
        NodeTable.Row row = active(peer);
        String identity = peer.id().uri();
        if (!row.hostFingerprint().equals(beat.hostFingerprint())) {
            // A refused mutation rolls back, so the mismatch is recorded as its own accepted mutation.
            ctx.log()
                    .execute(m -> Recorded.of(
                            null,
                            ctx.action(
                                    "node.host-mismatch",
                                    identity,
                                    identity,
                                    RequestHash.of("node.host-mismatch")
                                            .text("identity", identity)
                                            .text("serial", peer.serial().toString(16))
                                            .text("expected", row.hostFingerprint())
                                            .text("found", beat.hostFingerprint()))));
            throw VerificationException.mismatch(
                    ErrorCode.NODE_HOST_MISMATCH, row.hostFingerprint(), beat.hostFingerprint());
        }
        boolean changed = !beat.capabilities().equals(row.capabilities())
                || !beat.status().equals(row.reportStatus());
        if (changed) {
            ctx.log().execute(m -> {
                long now = ctx.now();
                if (!NodeTable.report(m.connection(), row.nodeId(), beat.capabilities(), beat.status(), now)) {
                    throw new VerificationException(ErrorCode.NODE_REVOKED, "node " + row.nodeId() + " was revoked");
                }
                NodeTable.seen(m.connection(), row.nodeId(), now, beat.bundleSequence(), beat.revocationSequence());
                return Recorded.of(
                        null,
                        ctx.action(
                                "node.report",
                                identity,
                                identity,
                                RequestHash.of("node.report")
                                        .text("identity", identity)
                                        .texts("capabilities", beat.capabilities())
                                        .text("status", beat.status())));
            });
        } else {
            ctx.db().inTransaction(c -> {
                NodeTable.seen(c, row.nodeId(), ctx.now(), beat.bundleSequence(), beat.revocationSequence());
                return null;
            });
        }
        long revocationSequence =
                ctx.revocation().current().map(h -> h.sequence()).orElse(-1L);
        return new HeartbeatAck(
                Instant.ofEpochMilli(ctx.now()).toString(),
                ctx.bundles().get().sequence(),
                revocationSequence,
                RenewalPolicy.renewAt(peer.certificate(), ctx.random()).toString());
    }

    /** Issues a new certificate for the calling node's identity; the CSR's key may be new. */
    NodeCertificate renew(PeerIdentity peer, Renewal renewal) {
        NodeTable.Row row = active(peer);
        byte[] csrDer = renewal.csrDer();
        IssuedCertificate issued = ctx.ca()
                .issue(
                        CsrVerifier.verify(csrDer),
                        peer.id(),
                        Profile.NODE_CLIENT,
                        Optional.of(ctx.settings().nodeCertTtl()));
        X509Certificate leaf = issued.certificate();
        byte[] der = Context.der(leaf);
        String identity = peer.id().uri();
        String serial = leaf.getSerialNumber().toString(16);
        ctx.log().execute(m -> {
            NodeTable.Row now = NodeTable.byId(m.connection(), row.nodeId()).orElseThrow();
            refuseInactive(now);
            NodeTable.insertCertificate(
                    m.connection(),
                    leaf.getSerialNumber(),
                    row.nodeId(),
                    ctx.now(),
                    leaf.getNotAfter().getTime(),
                    der,
                    m.sequence());
            return Recorded.of(
                    null,
                    ctx.action(
                            "certificate.issue",
                            identity,
                            serial,
                            RequestHash.of("certificate.issue")
                                    .text("identity", identity)
                                    .bytes("csr", csrDer)
                                    .text("serial", serial)
                                    .bytes("certificate", der)));
        });
        return ctx.certificate(identity, leaf);
    }

    /** The node record of a verified peer, refusing one that is not active. */
    private NodeTable.Row active(PeerIdentity peer) {
        NodeTable.Row row = ctx.db()
                .read(c -> NodeTable.byIdentity(c, peer.id().uri()))
                .orElseThrow(() -> new VerificationException(
                        ErrorCode.NODE_NOT_ACTIVE,
                        "no enrolled node has identity " + peer.id().uri()));
        refuseInactive(row);
        return row;
    }

    private static void refuseInactive(NodeTable.Row row) {
        if (row.status().equals("revoked")) {
            throw new VerificationException(ErrorCode.NODE_REVOKED, "node " + row.nodeId() + " was revoked");
        }
        if (!row.status().equals("active")) {
            throw new VerificationException(ErrorCode.NODE_NOT_ACTIVE, "node " + row.nodeId() + " is " + row.status());
        }
    }

    private static VerificationException notFound(String nodeId) {
        return new VerificationException(ErrorCode.NODE_NOT_FOUND, "no node " + Clusters.shorten(nodeId));
    }
}
