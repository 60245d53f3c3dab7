package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin token create}. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create join tokens.",
        subcommands = {TokenCommands.Create.class})
final class TokenCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    /** {@code admin token create --cluster C [--ttl PT1H] [--max-uses N]}. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a join token for a cluster; it is printed this once and never again.")
    static final class Create extends AnsweringCall {
        @Option(names = "--cluster", required = true, paramLabel = "C", description = "The cluster.")
        String cluster;

        @Option(
                names = "--ttl",
                paramLabel = "DURATION",
                description = "ISO-8601 lifetime, PT60S to P7D (default: the server's enrollment.token_ttl).")
        String ttl;

        @Option(names = "--max-uses", paramLabel = "N", description = "Uses, 1 to 1000 (default 1).")
        Integer maxUses;

        private Long ttlSeconds;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.ENROLLMENT_WRITE);
        }

        @Override
        void validate() {
            if (ttl != null) {
                try {
                    Duration duration = Duration.parse(ttl);
                    if (duration.getNano() != 0 || duration.isNegative()) {
                        throw new DateTimeParseException("not whole seconds", ttl, 0);
                    }
                    ttlSeconds = duration.getSeconds();
                } catch (DateTimeParseException e) {
                    throw new MalformedInputException(
                            ErrorCode.JOIN_TOKEN_OPTIONS_INVALID, "--ttl: want an ISO-8601 duration such as PT1H");
                }
            }
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            ObjectNode body = Http.JSON.createObjectNode();
            body.put("ttl_seconds", ttlSeconds);
            body.put("max_uses", maxUses);
            return client.post(
                    "/v1/clusters/" + URLEncoder.encode(cluster, StandardCharsets.UTF_8) + "/join-tokens", body, 201);
        }

        @Override
        JsonNode shownAsJson(JsonNode issued) {
            ObjectNode shown = Http.JSON.createObjectNode();
            shown.set("token", issued.path("token"));
            shown.set("token_id", issued.path("token_id"));
            shown.set("cluster", issued.path("cluster"));
            shown.set("expires_at", issued.path("expires_at"));
            shown.set("max_uses", issued.path("max_uses"));
            return shown;
        }

        @Override
        void print(JsonNode issued, PrintWriter out) {
            out.println("join token (shown once; give it to the agent, it is not stored in clear):");
            out.println("  " + issued.path("token").asText());
            out.println("token id:  " + issued.path("token_id").asText());
            out.println("cluster:   " + issued.path("cluster").asText());
            out.println("expires:   " + issued.path("expires_at").asText());
            out.println("max uses:  " + issued.path("max_uses").asInt());
        }
    }
}
