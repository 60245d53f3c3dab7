package dev.cairn.agent.cli;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.client.JoinToken;
import dev.cairn.agent.client.Sleeper;
import dev.cairn.agent.enroll.EnrollOptions;
import dev.cairn.agent.enroll.Enroller;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-agent enroll}: joins the trust domain of a server with a join token, or resumes an
 * enrollment the state directory holds ({@code spec/agent.md}, "Enrollment").
 */
@Command(
        name = "enroll",
        mixinStandardHelpOptions = true,
        description = {
            "Enrolls this machine: generates its key pair and CSR, stores them, submits the join request to a"
                    + " server authenticated by the pinned root CA, waits for approval and stores the"
                    + " certificate.",
            "Run it again after a crash or a timeout: it resumes the stored join request and never submits"
                    + " a second one for it."
        })
final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions common;

    @Option(
            names = "--server",
            paramLabel = "URL",
            required = true,
            converter = Converters.ServerUrl.class,
            description = "The server's base URL, https://host:port.")
    URI server;

    @ArgGroup(exclusive = true)
    TokenSource token;

    static final class TokenSource {
        @Option(
                names = "--token",
                paramLabel = "TOKEN",
                converter = Converters.Token.class,
                description =
                        "The join token (cjt_...). Prefer --token-file: a command line is visible to" + " other users.")
        JoinToken value;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the join token.")
        Path file;
    }

    @Option(
            names = "--ca-fingerprint",
            paramLabel = "sha256:HEX",
            required = true,
            converter = Converters.Pin.class,
            description = "SHA-256 fingerprint of the server's root CA certificate (DER), given out of band.")
    CaFingerprint pin;

    @Option(
            names = "--cluster-hint",
            paramLabel = "CLUSTER",
            description = "The cluster the join token is for; the issued identity must be in it.")
    String clusterHint;

    @Option(
            names = "--trust-domain",
            paramLabel = "TD",
            converter = Converters.Domain.class,
            description = "The server's trust domain; by default the one its certificate names.")
    TrustDomain trustDomain;

    @Option(
            names = "--key-type",
            paramLabel = "TYPE",
            defaultValue = "p256",
            converter = Converters.Keys.class,
            description = "p256 (default) or ed25519.")
    KeyType keyType;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT15M",
            converter = Converters.Time.class,
            description = "How long to wait for a decision, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        if (clusterHint != null) {
            try {
                dev.cairn.trust.identity.CairnId.node(new TrustDomain("cluster.check"), clusterHint, "node");
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--cluster-hint: not a cluster name: " + clusterHint);
            }
        }
        EnrollOptions options = new EnrollOptions(
                server,
                pin,
                joinToken(),
                Optional.ofNullable(clusterHint),
                Optional.ofNullable(trustDomain),
                keyType,
                common.capabilities(spec),
                timeout,
                common.backoff(spec),
                common.host(),
                common.hostname(),
                Clock.systemUTC(),
                new SecureRandom(),
                Sleeper.SYSTEM,
                AgentOptions.notices(spec));
        try (StateDirectory dir = StateDirectory.open(common.stateDir)) {
            Enroller.Outcome outcome = new Enroller(options).enroll(dir);
            ActiveState state = outcome.state();
            PrintWriter out = spec.commandLine().getOut();
            out.println((outcome.alreadyActive() ? "already enrolled: " : "enrolled: ")
                    + state.identity().uri());
            out.println("join_request: " + state.enrollment().joinRequestLabel());
            out.println("serial: " + state.certificate().getSerialNumber().toString(16));
            out.println("not_after: " + state.certificate().getNotAfter().toInstant());
            out.println("renew_at: " + state.renewAt());
            return AgentExit.OK.code();
        }
    }

    private Optional<JoinToken> joinToken() {
        if (token == null) {
            return Optional.empty();
        }
        if (token.value != null) {
            return Optional.of(token.value);
        }
        try {
            if (Files.size(token.file) > 1024) {
                throw new ParameterException(spec.commandLine(), "--token-file: longer than a join token");
            }
            return Optional.of(new Converters.Token().convert(Files.readString(token.file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--token-file: " + e.getMessage());
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), "--token-file: " + e.getMessage());
        }
    }
}
