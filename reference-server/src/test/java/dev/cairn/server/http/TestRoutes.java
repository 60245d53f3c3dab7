package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.token.OperatorScope;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Example routes for the edge tests, one per thing the edge must get right. Test code only. */
final class TestRoutes {
    /** Counts the handler calls that changed "state"; bad input must never move it. */
    final AtomicInteger mutations = new AtomicInteger();

    record Whoami(String id, String serial, String kind) {}

    record Port(int port) {}

    record Tag(String name, int weight) {}

    record EchoRequest(String name, int count, List<Tag> tags, Boolean flag) {
        EchoRequest {
            Objects.requireNonNull(name, "name");
            if (count < 0) {
                throw new IllegalArgumentException("count " + count + ", want >= 0");
            }
            tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        }
    }

    record EchoResponse(String name, int count, int tags, int mutation) {}

    record Operator(String operator, String jti) {}

    record Size(int bytes) {}

    List<Route> all() {
        return List.of(
                Route.get("/test/whoami")
                        .summary("The verified node identity")
                        .auth(Auth.node(FreshnessTier.RISKY))
                        .response(Payload.json(Whoami.class))
                        .handle(call -> call.respond(new Whoami(
                                call.peer().id().uri(),
                                call.peer().serial().toString(16),
                                call.peer().id().kind().name()))),
                Route.get("/test/services/whoami")
                        .summary("The verified identity of a node or a service")
                        .auth(Auth.peer(FreshnessTier.DANGEROUS, CairnId.Kind.NODE, CairnId.Kind.SERVICE))
                        .response(Payload.json(Whoami.class))
                        .handle(call -> call.respond(new Whoami(
                                call.peer().id().uri(),
                                call.peer().serial().toString(16),
                                call.peer().id().kind().name()))),
                Route.get("/test/port")
                        .summary("The client's source port: the same value means the same connection")
                        .auth(Auth.publicAccess())
                        .response(Payload.json(Port.class))
                        .handle(call ->
                                call.respond(new Port(call.context().req().getRemotePort()))),
                Route.post("/test/echo")
                        .summary("Reads a strict JSON body and counts a mutation")
                        .auth(Auth.publicAccess())
                        .request(Payload.json(EchoRequest.class))
                        .response(Payload.json(EchoResponse.class))
                        .handle(call -> {
                            EchoRequest request = call.body(EchoRequest.class);
                            int mutation = mutations.incrementAndGet();
                            call.respond(new EchoResponse(
                                    request.name(),
                                    request.count(),
                                    request.tags().size(),
                                    mutation));
                        }),
                Route.post("/test/blob")
                        .summary("Reads a CBOR body as bytes")
                        .auth(Auth.publicAccess())
                        .request(Payload.bytes("application/cbor"))
                        .response(Payload.json(Size.class))
                        .status(201)
                        .handle(call -> {
                            mutations.incrementAndGet();
                            call.respond(new Size(call.bytes().length));
                        }),
                Route.get("/test/clusters")
                        .summary("Reads clusters as an operator")
                        .auth(Auth.operator(OperatorScope.CLUSTERS_READ))
                        .response(Payload.json(Operator.class))
                        .handle(call -> call.respond(new Operator(
                                call.operator().operator().uri(),
                                call.operator().jti()))),
                Route.delete("/test/clusters/{cluster}")
                        .summary("Deletes a cluster as an operator with two scopes")
                        .auth(Auth.operator(OperatorScope.CLUSTERS_READ, OperatorScope.CLUSTERS_WRITE))
                        .handle(call -> {
                            mutations.incrementAndGet();
                            call.respondEmpty();
                        }),
                Route.get("/test/fail/{family}")
                        .summary("Raises a typed error of one family")
                        .auth(Auth.publicAccess())
                        .response(Payload.json(Size.class))
                        .errors(ErrorCode.CBOR_TRUNCATED, ErrorCode.MARKER_NOT_FOUND, ErrorCode.INTERNAL_IO)
                        .handle(call -> {
                            switch (call.pathParam("family")) {
                                case "malformed" ->
                                    throw new MalformedInputException(
                                            ErrorCode.CBOR_TRUNCATED, "got 3 bytes, want 5", 3);
                                case "rejected" ->
                                    throw VerificationException.mismatch(
                                            ErrorCode.MARKER_NOT_FOUND, "sequence < 10", "12");
                                case "internal" ->
                                    throw new InternalException(ErrorCode.INTERNAL_IO, "disk /var/secret full", null);
                                default -> throw new IllegalStateException("the secret is hunter2");
                            }
                        }),
                Route.get("/test/wrong-response")
                        .summary("Responds with another type than it declares")
                        .auth(Auth.publicAccess())
                        .response(Payload.json(Size.class))
                        .handle(call -> call.respond(new Port(1))),
                Route.get("/test/error")
                        .summary("Throws a java.lang.Error")
                        .auth(Auth.publicAccess())
                        .response(Payload.json(Size.class))
                        .handle(call -> {
                            throw new AssertionError("the secret is hunter2");
                        }));
    }
}
