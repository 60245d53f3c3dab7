package dev.cairn.benchmarks;

import dev.cairn.keys.KeyType;
import dev.cairn.server.http.Auth;
import dev.cairn.server.http.HttpEdge;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.PeerTrust;
import dev.cairn.server.http.Route;
import dev.cairn.trust.revocation.FreshnessTier;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference server's HTTP edge under mutual TLS, 4 client threads in the server's JVM: new
 * connections (a full TLS 1.3 handshake with the node's certificate, then one node request, the
 * session forgotten so that nothing resumes), and requests over open keep-alive connections. Each
 * request runs the edge's per-request identity and revocation check. The baseline in the same run
 * is the JDK's SunJSSE with its default managers and P-256 certificates of the same CA, behind a
 * bare socket server that answers a fixed body (no Jetty, no Cairn check).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(4)
public class HttpEdgeBenchmark {
    private static final String PATH = "/bench/whoami";

    /** The record the node route answers with. */
    record Whoami(String id) {}

    /** The edge, serving one node route on a free port. */
    @State(Scope.Benchmark)
    public static class Edge {
        /** The CA's, server's and node's key type. */
        @Param({"ED25519", "P256"})
        public String keyType;

        HttpEdge edge;
        SSLContext client;

        /** Starts the edge. */
        @Setup(Level.Trial)
        public void start() {
            EdgePki pki = new EdgePki(KeyType.valueOf(keyType));
            Route whoami = Route.get(PATH)
                    .summary("The caller's verified identity")
                    .auth(Auth.node(FreshnessTier.RISKY))
                    .response(Payload.json(Whoami.class))
                    .handle(call -> call.respond(new Whoami(call.peer().id().uri())));
            edge = HttpEdge.builder()
                    .tls(pki.server.key(), pki.server.chain(), EdgePki.ACCESS)
                    .peerTrust(PeerTrust.of(() -> pki.bundle, pki.revocation))
                    .port(0)
                    .bindJvmMetrics(false)
                    .route(whoami)
                    .build()
                    .start();
            client = pki.cairnClient();
        }

        /** Stops the edge. */
        @TearDown(Level.Trial)
        public void stop() {
            edge.close();
        }
    }

    /** The JDK baseline server, P-256. */
    @State(Scope.Benchmark)
    public static class Jdk {
        JdkTlsServer server;
        SSLContext client;

        /**
         * Starts the baseline.
         *
         * @throws Exception never, on a JDK with TLS 1.3 and P-256
         */
        @Setup(Level.Trial)
        public void start() throws Exception {
            EdgePki pki = new EdgePki(KeyType.P256);
            server = new JdkTlsServer(pki.jdkServer());
            client = pki.jdkClient();
        }

        /**
         * Stops the baseline.
         *
         * @throws IOException never in practice
         */
        @TearDown(Level.Trial)
        public void stop() throws IOException {
            server.close();
        }
    }

    /** One open connection per client thread to the edge. */
    @State(Scope.Thread)
    public static class EdgeConnection {
        TlsHttp connection;

        /**
         * Opens the connection.
         *
         * @param edge the edge
         * @throws IOException if it cannot connect
         */
        @Setup(Level.Iteration)
        public void open(Edge edge) throws IOException {
            connection = new TlsHttp(edge.client, edge.edge.port());
        }

        /**
         * Closes it.
         *
         * @throws IOException never in practice
         */
        @TearDown(Level.Iteration)
        public void close() throws IOException {
            connection.close();
        }
    }

    /** One open connection per client thread to the baseline. */
    @State(Scope.Thread)
    public static class JdkConnection {
        TlsHttp connection;

        /**
         * Opens the connection.
         *
         * @param jdk the baseline
         * @throws IOException if it cannot connect
         */
        @Setup(Level.Iteration)
        public void open(Jdk jdk) throws IOException {
            connection = new TlsHttp(jdk.client, jdk.server.port());
        }

        /**
         * Closes it.
         *
         * @throws IOException never in practice
         */
        @TearDown(Level.Iteration)
        public void close() throws IOException {
            connection.close();
        }
    }

    /**
     * A new mutual-TLS connection to the edge and one node request on it.
     *
     * @param edge the edge
     * @return the status, 200
     * @throws IOException if the exchange fails
     */
    @Benchmark
    public int edgeNewConnection(Edge edge) throws IOException {
        return newConnection(edge.client, edge.edge.port());
    }

    /**
     * Baseline: a new mutual-TLS connection to the JDK server and one request on it.
     *
     * @param jdk the baseline
     * @return the status, 200
     * @throws IOException if the exchange fails
     */
    @Benchmark
    public int jdkNewConnection(Jdk jdk) throws IOException {
        return newConnection(jdk.client, jdk.server.port());
    }

    /**
     * One node request on an open connection to the edge.
     *
     * @param connection this thread's connection
     * @return the status, 200
     * @throws IOException if the exchange fails
     */
    @Benchmark
    public int edgeReusedConnection(EdgeConnection connection) throws IOException {
        return check(connection.connection.get(PATH, false));
    }

    /**
     * Baseline: one request on an open connection to the JDK server.
     *
     * @param connection this thread's connection
     * @return the status, 200
     * @throws IOException if the exchange fails
     */
    @Benchmark
    public int jdkReusedConnection(JdkConnection connection) throws IOException {
        return check(connection.connection.get(PATH, false));
    }

    private static int newConnection(SSLContext context, int port) throws IOException {
        try (TlsHttp connection = new TlsHttp(context, port)) {
            int status = connection.get(PATH, true);
            connection.forgetSession();
            return check(status);
        }
    }

    private static int check(int status) {
        if (status != 200) {
            throw new IllegalStateException("status " + status);
        }
        return status;
    }
}
