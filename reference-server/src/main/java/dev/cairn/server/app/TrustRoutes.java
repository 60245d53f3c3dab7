package dev.cairn.server.app;

import dev.cairn.server.http.Auth;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.Route;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The trust bundle's public routes ({@code trust-bundle.md}): canonical JWKS, PEM, and the
 * COSE_Sign1 a relying party holding the previous bundle authenticates the new one with.
 */
public final class TrustRoutes {
    private final Supplier<ServerTrustBundle> bundle;

    /**
     * Routes over the current bundle.
     *
     * @param bundle the current bundle, read on every request
     */
    public TrustRoutes(Supplier<ServerTrustBundle> bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /**
     * The routes.
     *
     * @return {@code GET /v1/trust/bundle.jwks}, {@code .pem} and {@code .cose}
     */
    public List<Route> routes() {
        return List.of(
                Route.get("/v1/trust/bundle.jwks")
                        .operationId("getTrustBundleJwks")
                        .summary("The trust bundle as canonical JWKS (trust-bundle.md)")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes("application/jwk-set+json"))
                        .handle(call -> call.respondBytes(bundle.get().jwks().toByteArray())),
                Route.get("/v1/trust/bundle.pem")
                        .operationId("getTrustBundlePem")
                        .summary("The trust bundle's CA certificates as PEM")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes("application/x-pem-file"))
                        .handle(call -> call.respondBytes(bundle.get().pemBytes())),
                Route.get("/v1/trust/bundle.cose")
                        .operationId("getSignedTrustBundle")
                        .summary("The trust bundle signed as COSE_Sign1 by a CA key of the bundle before it")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes("application/cose"))
                        .handle(call -> call.respondBytes(bundle.get().signed().toByteArray())));
    }
}
