package dev.cairn.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.cose.CoseSign1;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform step of the demo: {@code cairn-server} on H2 in a fresh directory, the demo acting as
 * operator through {@code cairn-server admin}, three {@code cairn-agent} processes enrolling with one
 * join token and real CSRs, approval, heartbeats over mTLS, a revocation the revoked agent's next call
 * meets (it fences itself), and the audit bundle of everything verified by {@code cairn-verify} holding
 * only the trust bundle. Every command is printed as it runs.
 */
final class PlatformDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_JAR = "reference-server/target/cairn-server.jar";
    private static final String AGENT_JAR = "reference-agent/target/cairn-agent.jar";
    private static final String VERIFY_JAR = "sdk-verifier/target/cairn-verify.jar";
    private static final int AGENTS = 3;
    /** Exit code of an agent that fenced itself because it was revoked ({@code spec/agent.md}). */
    private static final int FENCED_REVOKED = 10;

    private final PrintStream out;
    private final Processes processes;

    PlatformDemo(PrintStream out, Path repoRoot) {
        this.out = out;
        this.processes = new Processes(out, repoRoot);
    }

    boolean run(Path dir) throws IOException, InterruptedException {
        for (String jar : List.of(SERVER_JAR, AGENT_JAR, VERIFY_JAR)) {
            if (!Files.isRegularFile(processes.jar(jar))) {
                out.println("  " + jar + " is missing: ./cairn demo builds it first");
                return false;
            }
        }
        out.println("  $ java -jar " + SERVER_JAR + " serve   (H2 in " + dir.resolve("server")
                + ", port chosen by the OS)");
        try (ServerProcess server = ServerProcess.start(processes, dir)) {
            for (String line : Files.readAllLines(server.log)) {
                out.println("    " + line);
            }
            return withServer(server, dir);
        }
    }

    private boolean withServer(ServerProcess server, Path dir) throws IOException, InterruptedException {
        out.println("  -- the demo acts as the operator, on the server's machine (--data-dir) --");
        if (admin(server, "cluster", "create", "c1").exit() != 0) {
            return false;
        }
        Processes.Result token = admin(server, "token", "create", "--cluster", "c1", "--max-uses", "3", "--json");
        if (token.exit() != 0) {
            return false;
        }
        String joinToken = json(token).path("token").asText();

        out.println("  -- three agents enroll, each its own process with its own key and state directory --");
        List<Process> enrolling = new ArrayList<>();
        List<Path> states = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            Path state = dir.resolve("agent-" + i);
            states.add(state);
            List<String> command = processes.java(
                    AGENT_JAR,
                    "enroll",
                    "--server",
                    server.url(),
                    "--token",
                    joinToken,
                    "--ca-fingerprint",
                    server.fingerprint,
                    "--state-dir",
                    state.toString());
            out.println("  $ java -jar " + AGENT_JAR + " enroll --server " + server.url() + " --token cjt_... "
                    + "--ca-fingerprint " + server.fingerprint.substring(0, 19) + "... --state-dir " + state
                    + "   (in the background)");
            enrolling.add(processes.start(command, Map.of(), dir.resolve("agent-" + i + "-enroll.log")));
        }
        List<String> pending = awaitPending(server, AGENTS);
        if (pending.size() != AGENTS) {
            out.println("  expected " + AGENTS + " pending join requests, found " + pending.size());
            enrolling.forEach(Process::destroyForcibly);
            return false;
        }
        admin(server, "requests", "list", "--status", "pending");
        List<String> nodeIds = new ArrayList<>();
        for (String request : pending) {
            Processes.Result approved = admin(server, "requests", "approve", request, "--json");
            if (approved.exit() != 0) {
                return false;
            }
            nodeIds.add(json(approved).path("node_id").asText());
        }
        boolean enrolled = true;
        for (int i = 0; i < AGENTS; i++) {
            Process p = enrolling.get(i);
            boolean done = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            Path log = dir.resolve("agent-" + (i + 1) + "-enroll.log");
            out.println("  agent-" + (i + 1) + " enroll finished with exit code "
                    + (done ? p.exitValue() : "(still running)"));
            for (String line : Files.readAllLines(log)) {
                out.println("    " + line);
            }
            enrolled &= done && p.exitValue() == 0;
        }
        if (!enrolled) {
            return false;
        }

        out.println("  -- each agent heartbeats over mTLS; its identity is its certificate, nothing else --");
        boolean beats = true;
        for (Path state : states) {
            beats &= agent("run", "--state-dir", state.toString(), "--once").exit() == 0;
        }
        admin(server, "nodes", "list");

        out.println("  -- the operator revokes agent-3's node; its next call is refused and it fences itself --");
        String revoked = approvedNodeOf(states.get(2), nodeIds);
        boolean revokeOk = admin(server, "nodes", "revoke", revoked, "--reason", "KEY_COMPROMISE")
                        .exit()
                == 0;
        Processes.Result fenced = agent("run", "--state-dir", states.get(2).toString(), "--once");
        boolean fencedOk = fenced.exit() == FENCED_REVOKED;
        boolean othersOk =
                agent("run", "--state-dir", states.get(0).toString(), "--once").exit() == 0;

        out.println("  -- the auditor: export everything that happened, verify it holding only the trust bundle --");
        Path bundle = dir.resolve("platform-audit.bundle");
        Path jwks = dir.resolve("trust-bundle.jwks");
        Path checkpoint = dir.resolve("checkpoint.cose");
        if (admin(server, "audit", "checkpoint", "--out", checkpoint.toString()).exit() != 0) {
            return false;
        }
        long markers = markers(checkpoint);
        Processes.Result exported = admin(
                server,
                "audit",
                "export",
                "--first",
                "0",
                "--count",
                Long.toString(markers),
                "--out",
                bundle.toString(),
                "--trust-bundle-out",
                jwks.toString());
        Processes.Result verified = verify(jwks, bundle);
        boolean auditOk = exported.exit() == 0 && verified.exit() == 0 && refusesTampered(bundle, jwks, revoked);
        out.println("  stopping the server (SIGTERM; it closes the listener, the log and the database in order)");
        return enrolled && beats && revokeOk && fencedOk && othersOk && auditOk;
    }

    /**
     * Copies the bundle with one byte of the revoked node's id changed in the first statement that
     * names it, and runs cairn-verify on the copy: it must exit 1 and print the failing code.
     */
    private boolean refusesTampered(Path bundle, Path jwks, String node) throws IOException, InterruptedException {
        byte[] bytes = Files.readAllBytes(bundle);
        int at = LogDemo.indexOf(bytes, node.getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            out.println("  the bundle never names node " + node + ": nothing to tamper with");
            return false;
        }
        int last = at + node.length() - 1;
        bytes[last] = (byte) (bytes[last] == '0' ? '1' : '0');
        Path tampered = bundle.resolveSibling("platform-audit-tampered.bundle");
        Files.write(tampered, bytes);
        out.println(
                "  a copy with one byte of node " + node + "'s id changed in a statement: " + tampered.getFileName());
        Processes.Result refused = verify(jwks, tampered);
        return refused.exit() == 1;
    }

    /** Runs cairn-verify on a bundle, trusting only the trust bundle's JWKS. */
    private Processes.Result verify(Path jwks, Path bundle) throws IOException, InterruptedException {
        return processes.run(
                "java -jar " + VERIFY_JAR + " bundle --trust-bundle " + jwks.getFileName() + " --log-id "
                        + ServerProcess.TRUST_DOMAIN + "/audit " + bundle.getFileName(),
                processes.java(
                        VERIFY_JAR,
                        "bundle",
                        "--trust-bundle",
                        jwks.toString(),
                        "--log-id",
                        ServerProcess.TRUST_DOMAIN + "/audit",
                        bundle.toString()),
                Map.of());
    }

    /** The node an agent's state names, among those approved. */
    private String approvedNodeOf(Path state, List<String> nodeIds) throws IOException, InterruptedException {
        Processes.Result status = agent("status", "--state-dir", state.toString());
        for (String line : status.lines()) {
            for (String node : nodeIds) {
                if (line.startsWith("node: ") && line.endsWith("/node/" + node)) {
                    return node;
                }
            }
        }
        String text = String.join("\n", status.lines());
        throw new IOException("agent state names none of " + nodeIds + ": " + text);
    }

    /**
     * How many markers a checkpoint the demo just had published covers: its accumulator's leaf count
     * (an MMR of n leaves), read from the COSE_Sign1 payload; cairn-verify checks its signature later.
     */
    private static long markers(Path checkpoint) throws IOException {
        CoseSign1 message = CoseSign1.decode(Files.readAllBytes(checkpoint), CborLimits.DEFAULT);
        CborMap payload = (CborMap) Cbor.decode(message.payload().orElseThrow().toByteArray());
        return Checkpoint.fromCbor(payload).accumulator().leafCount();
    }

    private List<String> awaitPending(ServerProcess server, int want) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<String> ids = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            Processes.Result list = quietAdmin(server, "requests", "list", "--status", "pending", "--json");
            ids.clear();
            for (JsonNode request : json(list).path("join_requests")) {
                ids.add(request.path("request_id").asText());
            }
            if (ids.size() >= want) {
                return ids;
            }
            Thread.sleep(500);
        }
        return ids;
    }

    private Processes.Result admin(ServerProcess server, String... args) throws IOException, InterruptedException {
        List<String> command = adminCommand(server, args);
        return processes.run(
                "java -jar " + SERVER_JAR + " admin " + String.join(" ", args) + " --server " + server.url()
                        + " --data-dir " + server.dataDir,
                command,
                Map.of());
    }

    private Processes.Result quietAdmin(ServerProcess server, String... args) throws IOException, InterruptedException {
        return processes.runQuietly(adminCommand(server, args));
    }

    private List<String> adminCommand(ServerProcess server, String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", server.url(), "--data-dir", server.dataDir.toString()));
        return processes.java(SERVER_JAR, all.toArray(String[]::new));
    }

    private Processes.Result agent(String... args) throws IOException, InterruptedException {
        return processes.run(
                "java -jar " + AGENT_JAR + " " + String.join(" ", args), processes.java(AGENT_JAR, args), Map.of());
    }

    private static JsonNode json(Processes.Result result) throws IOException {
        return JSON.readTree(String.join("\n", result.lines()));
    }
}
