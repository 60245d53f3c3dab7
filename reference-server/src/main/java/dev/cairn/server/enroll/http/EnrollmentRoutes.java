package dev.cairn.server.enroll.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.server.enroll.ClusterView;
import dev.cairn.server.enroll.Denial;
import dev.cairn.server.enroll.Enrollment;
import dev.cairn.server.enroll.Heartbeat;
import dev.cairn.server.enroll.HeartbeatAck;
import dev.cairn.server.enroll.IssuedJoinToken;
import dev.cairn.server.enroll.JoinAccepted;
import dev.cairn.server.enroll.JoinRequestView;
import dev.cairn.server.enroll.JoinStatus;
import dev.cairn.server.enroll.JoinSubmission;
import dev.cairn.server.enroll.JoinTokenView;
import dev.cairn.server.enroll.NewCluster;
import dev.cairn.server.enroll.NewJoinToken;
import dev.cairn.server.enroll.NodeCertificate;
import dev.cairn.server.enroll.NodeRevocation;
import dev.cairn.server.enroll.NodeView;
import dev.cairn.server.enroll.PollAnswer;
import dev.cairn.server.enroll.Renewal;
import dev.cairn.server.http.Auth;
import dev.cairn.server.http.Call;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.Route;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.token.OperatorScope;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every route of {@code spec/enrollment.md}, for {@code HttpEdge.Builder#routes}:
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>auth</th></tr>
 *   <tr><td>{@code POST /v1/enroll/join-requests}</td><td>public (the join token is in the body)</td></tr>
 *   <tr><td>{@code GET /v1/enroll/join-requests/{request_id}}</td><td>public + {@code Authorization: Cairn-Poll}</td></tr>
 *   <tr><td>{@code POST /v1/clusters}</td><td>operator {@code clusters:write}</td></tr>
 *   <tr><td>{@code GET /v1/clusters}</td><td>operator {@code clusters:read}</td></tr>
 *   <tr><td>{@code POST /v1/clusters/{cluster}/join-tokens}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code POST /v1/join-tokens/{token_id}/revoke}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code GET /v1/join-requests?status=}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code GET /v1/join-requests/{request_id}}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code POST /v1/join-requests/{request_id}/approve}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code POST /v1/join-requests/{request_id}/deny}</td><td>operator {@code enrollment:write}</td></tr>
 *   <tr><td>{@code GET /v1/nodes}, {@code GET /v1/nodes/{node_id}}</td><td>operator {@code clusters:read}</td></tr>
 *   <tr><td>{@code POST /v1/nodes/{node_id}/revoke}</td><td>operator {@code certificates:revoke}</td></tr>
 *   <tr><td>{@code POST /v1/node/heartbeat}</td><td>node mTLS, tier {@code RISKY}</td></tr>
 *   <tr><td>{@code POST /v1/node/renew}</td><td>node mTLS, tier {@code DANGEROUS}</td></tr>
 * </table>
 */
public final class EnrollmentRoutes {
    private static final ErrorCode[] TOKEN_CODES = {
        ErrorCode.JOIN_TOKEN_INVALID,
        ErrorCode.JOIN_TOKEN_EXPIRED,
        ErrorCode.JOIN_TOKEN_EXHAUSTED,
        ErrorCode.JOIN_TOKEN_REVOKED
    };
    private static final ErrorCode[] CSR_CODES = {
        ErrorCode.JOIN_REQUEST_MALFORMED,
        ErrorCode.CSR_MALFORMED,
        ErrorCode.CSR_KEY_NOT_ALLOWED,
        ErrorCode.CSR_BAD_SIGNATURE,
        ErrorCode.CSR_EXTENSION_NOT_ALLOWED,
        ErrorCode.CSR_NAMES_NOT_ALLOWED
    };

    private EnrollmentRoutes() {}

    /**
     * The routes.
     *
     * @param enrollment the service
     * @return the routes, public ones first
     */
    public static List<Route> of(Enrollment enrollment) {
        Objects.requireNonNull(enrollment, "enrollment");
        Auth clustersWrite = Auth.operator(OperatorScope.CLUSTERS_WRITE);
        Auth clustersRead = Auth.operator(OperatorScope.CLUSTERS_READ);
        Auth enrollmentWrite = Auth.operator(OperatorScope.ENROLLMENT_WRITE);
        return List.of(
                Route.post("/v1/enroll/join-requests")
                        .summary("Submit a join request with a join token and a CSR")
                        .auth(Auth.publicAccess())
                        .request(Payload.json(JoinSubmission.class))
                        .response(Payload.json(JoinAccepted.class))
                        .status(202)
                        .errors(TOKEN_CODES)
                        .errors(CSR_CODES)
                        .handle(call -> call.respond(enrollment.submit(
                                call.body(JoinSubmission.class), call.context().ip()))),
                Route.get("/v1/enroll/join-requests/{request_id}")
                        .summary("Poll a join request with its poll secret (Authorization: Cairn-Poll)")
                        .auth(Auth.publicAccess())
                        .response(Payload.json(PollAnswer.class))
                        .errors(ErrorCode.JOIN_POLL_UNAUTHORIZED, ErrorCode.JOIN_REQUEST_EXPIRED)
                        .handle(call ->
                                call.respond(enrollment.poll(call.pathParam("request_id"), authorization(call)))),
                Route.post("/v1/clusters")
                        .summary("Create a cluster")
                        .auth(clustersWrite)
                        .request(Payload.json(NewCluster.class))
                        .response(Payload.json(ClusterView.class))
                        .status(201)
                        .errors(
                                ErrorCode.CLUSTER_NAME_INVALID,
                                ErrorCode.CLUSTER_NAME_RESERVED,
                                ErrorCode.CLUSTER_EXISTS)
                        .handle(call -> call.respond(
                                enrollment.createCluster(call.operator().operator(), call.body(NewCluster.class)))),
                Route.get("/v1/clusters")
                        .summary("List the clusters")
                        .auth(clustersRead)
                        .response(Payload.json(ClusterList.class))
                        .handle(call -> call.respond(new ClusterList(enrollment.clusters()))),
                Route.post("/v1/clusters/{cluster}/join-tokens")
                        .summary("Create a join token for a cluster (its secret form is returned once)")
                        .auth(enrollmentWrite)
                        .request(Payload.json(NewJoinToken.class))
                        .response(Payload.json(IssuedJoinToken.class))
                        .status(201)
                        .errors(ErrorCode.CLUSTER_NOT_FOUND, ErrorCode.JOIN_TOKEN_OPTIONS_INVALID)
                        .handle(call -> call.respond(enrollment.createJoinToken(
                                call.operator().operator(), call.pathParam("cluster"), call.body(NewJoinToken.class)))),
                Route.post("/v1/join-tokens/{token_id}/revoke")
                        .summary("Withdraw a join token")
                        .auth(enrollmentWrite)
                        .response(Payload.json(JoinTokenView.class))
                        .errors(ErrorCode.JOIN_TOKEN_INVALID, ErrorCode.JOIN_TOKEN_REVOKED)
                        .handle(call -> call.respond(
                                enrollment.revokeJoinToken(call.operator().operator(), call.pathParam("token_id")))),
                Route.get("/v1/join-requests")
                        .summary("List join requests with their evidence (?status=pending|approved|denied|expired)")
                        .auth(enrollmentWrite)
                        .response(Payload.json(JoinRequestList.class))
                        .errors(ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(call -> call.respond(new JoinRequestList(enrollment.joinRequests(status(call))))),
                Route.get("/v1/join-requests/{request_id}")
                        .summary("One join request with its evidence")
                        .auth(enrollmentWrite)
                        .response(Payload.json(JoinRequestView.class))
                        .errors(ErrorCode.JOIN_REQUEST_NOT_FOUND)
                        .handle(call -> call.respond(enrollment.joinRequest(call.pathParam("request_id")))),
                Route.post("/v1/join-requests/{request_id}/approve")
                        .summary("Approve a join request: issue the node's certificate")
                        .auth(enrollmentWrite)
                        .response(Payload.json(JoinRequestView.class))
                        .errors(
                                ErrorCode.JOIN_REQUEST_NOT_FOUND,
                                ErrorCode.JOIN_REQUEST_DECIDED,
                                ErrorCode.JOIN_REQUEST_EXPIRED)
                        .handle(call -> call.respond(
                                enrollment.approve(call.operator().operator(), call.pathParam("request_id")))),
                Route.post("/v1/join-requests/{request_id}/deny")
                        .summary("Deny a join request with a reason")
                        .auth(enrollmentWrite)
                        .request(Payload.json(Denial.class))
                        .response(Payload.json(JoinRequestView.class))
                        .errors(
                                ErrorCode.JOIN_DENY_REASON_INVALID,
                                ErrorCode.JOIN_REQUEST_NOT_FOUND,
                                ErrorCode.JOIN_REQUEST_DECIDED,
                                ErrorCode.JOIN_REQUEST_EXPIRED)
                        .handle(call -> call.respond(enrollment.deny(
                                call.operator().operator(), call.pathParam("request_id"), call.body(Denial.class)))),
                Route.get("/v1/nodes")
                        .summary("List the nodes")
                        .auth(clustersRead)
                        .response(Payload.json(NodeList.class))
                        .handle(call -> call.respond(new NodeList(enrollment.nodes()))),
                Route.get("/v1/nodes/{node_id}")
                        .summary("One node with its certificates")
                        .auth(clustersRead)
                        .response(Payload.json(NodeView.class))
                        .errors(ErrorCode.NODE_NOT_FOUND)
                        .handle(call -> call.respond(enrollment.node(call.pathParam("node_id")))),
                Route.post("/v1/nodes/{node_id}/revoke")
                        .summary("Revoke a node: every unexpired certificate, with immediate effect")
                        .auth(Auth.operator(OperatorScope.CERTIFICATES_REVOKE))
                        .request(Payload.json(NodeRevocation.class))
                        .response(Payload.json(NodeView.class))
                        .errors(ErrorCode.NODE_REVOKE_REASON_INVALID, ErrorCode.NODE_NOT_FOUND, ErrorCode.NODE_REVOKED)
                        .handle(call -> call.respond(enrollment.revokeNode(
                                call.operator().operator(),
                                call.pathParam("node_id"),
                                call.body(NodeRevocation.class)))),
                Route.post("/v1/node/heartbeat")
                        .summary("A node's heartbeat: liveness, capabilities and status")
                        .auth(Auth.node(FreshnessTier.RISKY))
                        .request(Payload.json(Heartbeat.class))
                        .response(Payload.json(HeartbeatAck.class))
                        .errors(
                                ErrorCode.NODE_REPORT_MALFORMED,
                                ErrorCode.NODE_HOST_MISMATCH,
                                ErrorCode.NODE_REVOKED,
                                ErrorCode.NODE_NOT_ACTIVE)
                        .handle(call -> call.respond(enrollment.heartbeat(call.peer(), call.body(Heartbeat.class)))),
                Route.post("/v1/node/renew")
                        .summary("Renew the calling node's certificate with a new CSR")
                        .auth(Auth.node(FreshnessTier.DANGEROUS))
                        .request(Payload.json(Renewal.class))
                        .response(Payload.json(NodeCertificate.class))
                        .errors(CSR_CODES)
                        .errors(ErrorCode.NODE_REVOKED, ErrorCode.NODE_NOT_ACTIVE)
                        .handle(call -> call.respond(enrollment.renew(call.peer(), call.body(Renewal.class)))));
    }

    /** The one Authorization header, or null when there is none or more than one. */
    private static String authorization(Call call) {
        List<String> headers = Collections.list(call.context().req().getHeaders("Authorization"));
        return headers.size() == 1 ? headers.get(0) : null;
    }

    private static Optional<JoinStatus> status(Call call) {
        List<String> values = call.context().queryParams("status");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Optional<JoinStatus> status = values.size() == 1 ? JoinStatus.fromWire(values.get(0)) : Optional.empty();
        if (status.isEmpty()) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID, "status: want one of pending, approved, denied, expired");
        }
        return status;
    }
}
