package dev.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import dev.cairn.trust.token.OperatorTokenValidator;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The HTTP edge of the reference server ({@code spec/http-api.md}): one TLS 1.3 listener and
 * nothing else (no plain-HTTP port), the declared routes with their authentication, strict bodies,
 * JSON error bodies with stable codes and statuses, W3C trace context, Prometheus metrics, health,
 * readiness and the generated OpenAPI document.
 *
 * <pre>{@code
 * HttpEdge edge = HttpEdge.builder()
 *         .tls(serverKey, serverChain, InsecureSecretKeyAccess.get())
 *         .peerTrust(PeerTrust.of(bundles::current, revocationState))
 *         .operatorTokens(validators::current)
 *         .host("0.0.0.0").port(8443)
 *         .readiness(databaseCheck, migrationsCheck)
 *         .routes(enrollmentRoutes)
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Security guarantees: a route runs only through its declaration, so it is always
 * authenticated as declared; a node route's caller identity is read from the TLS connection's
 * certificate chain and verified against the trust state of that moment on every request, never
 * from a header; request bodies are bounded and strictly parsed before a handler runs.
 */
public final class HttpEdge implements AutoCloseable {
    private final Javalin app;
    private final Routes routes;
    private final ObjectNode openApi;
    private final List<RouteKey> registered = new CopyOnWriteArrayList<>();
    private final PrometheusMeterRegistry registry;
    private final Readiness readiness;
    private final boolean bindJvmMetrics;
    private JvmGcMetrics gcMetrics;

    private HttpEdge(Builder b, SSLContext tls, Supplier<OperatorTokenValidator> tokens) {
        this.registry = b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.readiness = new Readiness(b.checks, b.limits.readinessTimeout());
        String host = b.host;
        int port = b.port;
        this.bindJvmMetrics = b.bindJvmMetrics;
        List<Route> all = new ArrayList<>(b.routes);
        byte[][] document = new byte[1][];
        all.addAll(BuiltinRoutes.create(readiness, registry, b.metricsAuth, () -> document[0].clone()));
        this.routes = new Routes(all);
        this.openApi = OpenApi.document(b.title, b.version, routes.all());
        try {
            document[0] = Json.writer().writerWithDefaultPrettyPrinter().writeValueAsBytes(openApi);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        }
        PeerAuthenticator peers = new PeerAuthenticator(b.peerTrust, b.clock);
        OperatorAuthenticator operators = new OperatorAuthenticator(tokens);
        EdgeMetrics metrics = new EdgeMetrics(registry);
        Json json = new Json(b.limits);
        Limits limits = b.limits;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.http.prefer405over404 = false;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = false;
            cfg.jsonMapper(new JavalinJackson(Json.writer(), false));
            cfg.appData(Json.KEY, json);
            cfg.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    registered.add(new RouteKey(info.getHttpMethod().name(), info.getPath()));
                }
            });
            cfg.jetty.addConnector((server, http) -> TlsConnector.create(server, http, tls, host, port, limits));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.router.javaLangErrorHandler((res, error) -> LastResort.write(res, error));
            cfg.routes.before(ctx -> {
                ctx.attribute(RequestTimer.ATTRIBUTE, System.nanoTime());
                ctx.header(Trace.HEADER, ErrorResponses.trace(ctx).traceparent());
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
                Body.checkDeclaredLength(ctx, limits.maxBodyBytes());
            });
            cfg.routes.after(ctx -> RequestTimer.record(ctx, metrics));
            cfg.routes.exception(CairnException.class, (e, ctx) -> ErrorResponses.write(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorResponses.write(ctx, e, routes));
            cfg.routes.exception(Exception.class, (e, ctx) -> ErrorResponses.writeUnexpected(ctx, e));
            for (Route route : routes.all()) {
                cfg.routes.addHttpHandler(
                        route.method().handlerType(),
                        route.path(),
                        new RouteDispatcher(route, peers, operators, limits.maxBodyBytes()));
            }
        });
    }

    /**
     * Starts configuring an edge.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the listener and starts serving.
     *
     * @return this edge
     */
    public synchronized HttpEdge start() {
        if (bindJvmMetrics && gcMetrics == null) {
            new ClassLoaderMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            gcMetrics = new JvmGcMetrics();
            gcMetrics.bindTo(registry);
        }
        app.start();
        return this;
    }

    /**
     * The port the listener is bound to, once started (useful with port 0).
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * Every route the edge serves: the declared ones, then {@code /healthz}, {@code /readyz},
     * {@code /metrics} and {@code /openapi.json}.
     *
     * @return the routes
     */
    public List<Route> routes() {
        return routes.all();
    }

    /**
     * The OpenAPI document served at {@code /openapi.json}.
     *
     * @return a copy of the document
     */
    public ObjectNode openApi() {
        return openApi.deepCopy();
    }

    /**
     * What Javalin reports as registered, method and path, for checking that every registered route
     * is documented and the other way round.
     *
     * @return the registered routes, in registration order
     */
    public List<RouteKey> registeredRoutes() {
        return Collections.unmodifiableList(new ArrayList<>(registered));
    }

    /**
     * The registry {@code /metrics} renders.
     *
     * @return the registry
     */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** Javalin, for tests of the listener's configuration. */
    Javalin javalin() {
        return app;
    }

    /** Stops serving, closes the listener and releases the edge's threads. */
    @Override
    public synchronized void close() {
        app.stop();
        readiness.close();
        if (gcMetrics != null) {
            gcMetrics.close();
            gcMetrics = null;
        }
    }

    /**
     * Configures an {@link HttpEdge}. TLS material and the peer trust state are required; an
     * operator token validator is required once any route, {@code /metrics} included, takes
     * operator tokens.
     */
    public static final class Builder {
        private SSLContext tls;
        private SigningKey key;
        private Supplier<List<X509Certificate>> chain;
        private InsecureSecretKeyAccess access;
        private PeerTrust peerTrust;
        private Supplier<OperatorTokenValidator> tokens;
        private PrometheusMeterRegistry registry;
        private final List<ReadinessCheck> checks = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();
        private Limits limits = Limits.defaults();
        private Clock clock = Clock.systemUTC();
        private Auth metricsAuth = Auth.peer(FreshnessTier.SAFE, CairnId.Kind.SERVICE);
        private String host = "127.0.0.1";
        private int port = 8443;
        private String title = "Cairn control plane";
        private String version = "0.1.0";
        private boolean bindJvmMetrics = true;

        private Builder() {}

        /**
         * Serves TLS with the server's key and chain; the handshake accepts a client certificate only
         * when {@link PeerVerifier} accepts it against the peer trust state (tier {@code SAFE}; each
         * route checks its own tier again per request).
         *
         * @param key the server's private key
         * @param chain the server certificate (profile {@code NODE_SERVER} or {@code SERVICE}) first
         * @param access the explicit token to hand the key to the JSSE
         * @return this builder
         */
        public Builder tls(SigningKey key, List<X509Certificate> chain, InsecureSecretKeyAccess access) {
            List<X509Certificate> fixed = List.copyOf(chain);
            return tls(key, () -> fixed, access);
        }

        /**
         * Serves TLS with the server's key and whatever chain {@code chain} returns at each handshake:
         * a certificate renewed while the server runs is presented from the next connection on
         * (sdk-trust's {@link TlsContexts#server(SigningKey, Supplier, PeerVerifier,
         * InsecureSecretKeyAccess)}).
         *
         * @param key the server's private key
         * @param chain the current chain, server certificate first; a new list when it changed
         * @param access the explicit token to hand the key to the JSSE
         * @return this builder
         */
        public Builder tls(SigningKey key, Supplier<List<X509Certificate>> chain, InsecureSecretKeyAccess access) {
            this.key = Objects.requireNonNull(key, "key");
            this.chain = Objects.requireNonNull(chain, "chain");
            this.access = Objects.requireNonNull(access, "access");
            this.tls = null;
            return this;
        }

        /**
         * Serves TLS with a ready context, which must come from {@link TlsContexts#server}; the edge
         * adds TLS 1.3 only and a requested (not required) client certificate.
         *
         * @param context the server context
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            this.key = null;
            return this;
        }

        /**
         * The trust state node and service certificates are checked against, per request.
         *
         * @param trust the trust state
         * @return this builder
         */
        public Builder peerTrust(PeerTrust trust) {
            this.peerTrust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Where the current operator token validator comes from (it changes when token keys rotate);
         * read on every request. It must expect this server's issuer and audience and require no
         * scope itself: each route checks its own.
         *
         * @param validators the validator source
         * @return this builder
         */
        public Builder operatorTokens(Supplier<OperatorTokenValidator> validators) {
            this.tokens = Objects.requireNonNull(validators, "validators");
            return this;
        }

        /**
         * A fixed operator token validator.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder operatorTokens(OperatorTokenValidator validator) {
            Objects.requireNonNull(validator, "validator");
            return operatorTokens(() -> validator);
        }

        /**
         * The registry for request and JVM metrics; a new one by default.
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder meterRegistry(PrometheusMeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether {@link #start()} binds the JVM metrics (memory, GC, threads, class loading, CPU,
         * uptime) to the registry; on by default.
         *
         * @param bind whether to bind them
         * @return this builder
         */
        public Builder bindJvmMetrics(boolean bind) {
            this.bindJvmMetrics = bind;
            return this;
        }

        /**
         * Adds readiness checks, in the order {@code /readyz} reports them.
         *
         * @param more the checks
         * @return this builder
         */
        public Builder readiness(ReadinessCheck... more) {
            checks.addAll(List.of(more));
            return this;
        }

        /**
         * Adds routes.
         *
         * @param more the routes
         * @return this builder
         */
        public Builder routes(Collection<Route> more) {
            routes.addAll(List.copyOf(more));
            return this;
        }

        /**
         * Adds one route.
         *
         * @param route the route
         * @return this builder
         */
        public Builder route(Route route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Sets the request limits; {@link Limits#defaults()} by default.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets what "now" is for certificate checks.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who may read {@code /metrics}: by default a service certificate of the trust domain
         * (mutual TLS, tier {@code SAFE}), such as a Prometheus scraper's.
         *
         * @param auth the authentication of {@code /metrics}
         * @return this builder
         */
        public Builder metricsAuth(Auth auth) {
            this.metricsAuth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Sets the address to listen on; {@code 127.0.0.1} by default.
         *
         * @param host a host name or IP address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Sets the port; 8443 by default, 0 for any free port (see {@link HttpEdge#port()}).
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the OpenAPI document's title and version.
         *
         * @param title the title
         * @param version the version
         * @return this builder
         */
        public Builder apiInfo(String title, String version) {
            this.title = Objects.requireNonNull(title, "title");
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the edge, not yet listening.
         *
         * @return the edge
         * @throws IllegalStateException if TLS, the peer trust state, or a token validator needed by
         *     an operator route is missing
         * @throws IllegalArgumentException if two routes collide or a declared type has no schema
         */
        public HttpEdge build() {
            if (peerTrust == null) {
                throw new IllegalStateException("peerTrust is required");
            }
            if (tls == null && key == null) {
                throw new IllegalStateException("tls is required: there is no plain-HTTP listener");
            }
            boolean operatorRoutes = metricsAuth instanceof Auth.Operator
                    || routes.stream().anyMatch(r -> r.auth() instanceof Auth.Operator);
            if (operatorRoutes && tokens == null) {
                throw new IllegalStateException("operatorTokens is required by the operator routes");
            }
            Supplier<OperatorTokenValidator> validators = tokens != null
                    ? tokens
                    : () -> {
                        throw new InternalException(ErrorCode.INTERNAL_BUG, "no operator token validator", null);
                    };
            SSLContext context = tls != null ? tls : TlsContexts.server(key, chain, handshakeVerifier(), access);
            return new HttpEdge(this, context, validators);
        }

        private PeerVerifier handshakeVerifier() {
            return PeerVerifier.builder()
                    .trustBundle(peerTrust::trustBundle)
                    .revocation(peerTrust.revocation())
                    .tier(FreshnessTier.SAFE)
                    .role(PeerRole.CLIENT)
                    .clock(clock)
                    .build();
        }
    }
}
