package dev.cairn.tools.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the platform's jars as separate processes for the demo, showing each command and its output. */
final class Processes {
    /** What a finished process printed and returned. */
    record Result(int exit, List<String> lines) {
        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private final PrintStream out;
    private final Path repoRoot;

    Processes(PrintStream out, Path repoRoot) {
        this.out = out;
        this.repoRoot = repoRoot;
    }

    Path jar(String relative) {
        return repoRoot.resolve(relative);
    }

    /** The command line for a jar. */
    List<String> java(String jar, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar(jar).toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a process whose output goes to a file; it runs in the background. */
    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a command to its end, printing it (as {@code shown}) and its output indented. */
    Result run(String shown, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        out.println("  $ " + shown);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                out.println("    " + line);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not finish: " + shown);
        }
        out.println("    (exit code " + process.exitValue() + ")");
        return new Result(process.exitValue(), lines);
    }

    /** Runs a command to its end without printing anything. */
    Result runQuietly(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not finish: " + command);
        }
        return new Result(process.exitValue(), lines);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
