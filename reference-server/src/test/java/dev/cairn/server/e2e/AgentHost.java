package dev.cairn.server.e2e;

import dev.cairn.agent.cli.CairnAgent;
import dev.cairn.agent.state.PendingState;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.agent.state.StateSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One machine an agent runs on: its own state directory and a fake {@code /etc/machine-id} (so each
 * agent of a test has its own host fingerprint), and {@code cairn-agent} run through its entry point,
 * in this process or as a child JVM.
 */
final class AgentHost {
    final Path stateDir;
    final Path hostRoot;

    AgentHost(Path root, String name) {
        this.stateDir = root.resolve(name + "-state");
        this.hostRoot = root.resolve(name + "-host");
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        try {
            Files.createDirectories(hostRoot.resolve("etc"));
            Files.writeString(hostRoot.resolve("etc/machine-id"), HexFormat.of().formatHex(id) + "\n");
            Files.writeString(hostRoot.resolve("etc/hostname"), name + ".e2e.example\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a run of the command printed and returned. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** The arguments of a subcommand with this machine's state directory and host root. */
    List<String> args(String command, String... more) {
        List<String> args = new ArrayList<>(
                List.of(command, "--state-dir", stateDir.toString(), "--host-root", hostRoot.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** {@code cairn-agent enroll} against a server, with a short backoff cap for tests. */
    List<String> enrollArgs(E2eServer server, String token, String... more) {
        List<String> args = args(
                "enroll",
                "--server",
                server.url(),
                "--token",
                token,
                "--ca-fingerprint",
                server.pin().toString(),
                "--max-backoff",
                "PT1S");
        args.addAll(List.of(more));
        return args;
    }

    /** Runs the command line in this process. */
    Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CairnAgent.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run run(String command, String... more) {
        return run(args(command, more));
    }

    /** Runs the command line on another thread of this process. */
    CompletableFuture<Run> start(List<String> args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    /** Runs {@code cairn-agent} as a child JVM with the test class path; its output goes to files. */
    Process child(List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CairnAgent.class.getName()));
        command.addAll(args);
        try {
            return new ProcessBuilder(command)
                    .redirectOutput(
                            log.resolveSibling(log.getFileName() + ".out").toFile())
                    .redirectError(
                            log.resolveSibling(log.getFileName() + ".err").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state directory as a reader sees it, without taking its lock. */
    Optional<StateSnapshot> state() {
        return StateDirectory.read(stateDir);
    }

    /** Waits until the state satisfies a condition. */
    StateSnapshot await(Predicate<StateSnapshot> condition, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            try {
                Optional<StateSnapshot> snapshot = state();
                if (snapshot.isPresent() && condition.test(snapshot.get())) {
                    return snapshot.get();
                }
            } catch (RuntimeException e) {
                // a publication in progress; read again
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("timed out waiting for " + what + "; state " + state());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 60 s) until the state directory holds a submitted join request, and returns it. */
    PendingState awaitSubmitted() {
        return (PendingState) await(
                        s -> s.state() instanceof PendingState p && p.isSubmitted(),
                        Duration.ofSeconds(60),
                        "a submitted join request")
                .state();
    }
}
