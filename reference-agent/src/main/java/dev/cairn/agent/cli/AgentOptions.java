package dev.cairn.agent.cli;

import dev.cairn.agent.client.Backoff;
import dev.cairn.agent.client.Capabilities;
import dev.cairn.agent.host.HostBinding;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code enroll} and {@code run} share. */
final class AgentOptions {
    /** Where the state directory is by default. */
    static final String DEFAULT_STATE_DIR = "/var/lib/cairn-agent";

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = DEFAULT_STATE_DIR,
            description = "The agent's state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(
            names = "--capability",
            paramLabel = "NAME",
            description = "A capability to declare, [a-z0-9._-]{1,64}; repeatable, at most 32.")
    List<String> capabilities = new ArrayList<>();

    @Option(
            names = "--max-backoff",
            paramLabel = "DURATION",
            defaultValue = "PT60S",
            converter = Converters.Time.class,
            description = "The longest wait between retries, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    @Option(
            names = "--host-root",
            paramLabel = "DIR",
            defaultValue = "/",
            description = "Directory the host identifier files are read under (default: ${DEFAULT-VALUE}).")
    Path hostRoot;

    List<String> capabilities(CommandSpec spec) {
        try {
            return Capabilities.of(capabilities);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    Backoff backoff(CommandSpec spec) {
        Duration base = Backoff.DEFAULT_BASE.compareTo(maxBackoff) > 0 ? maxBackoff : Backoff.DEFAULT_BASE;
        if (maxBackoff.toMillis() < 1) {
            throw new ParameterException(spec.commandLine(), "--max-backoff must be at least 1 ms");
        }
        return new Backoff(base, maxBackoff);
    }

    HostBinding host() {
        return HostBinding.at(hostRoot);
    }

    /** The host name in {@code etc/hostname} under the host root, if that file holds one. */
    Optional<String> hostname() {
        Path file = hostRoot.resolve("etc").resolve("hostname");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 256) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Consumer<String> notices(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("cairn-agent: " + line);
            err.flush();
        };
    }
}
