package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin nodes list|revoke}. */
@Command(
        name = "nodes",
        mixinStandardHelpOptions = true,
        description = "List and revoke nodes.",
        subcommands = {NodeCommands.ListNodes.class, NodeCommands.Revoke.class})
final class NodeCommands implements Callable<Integer> {
    /** A node id: {@code n-} and 16 lowercase hex digits. */
    static final Pattern ID = Pattern.compile("n-[0-9a-f]{16}");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    /** {@code admin nodes list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the nodes.")
    static final class ListNodes extends AnsweringCall {
        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.CLUSTERS_READ);
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.get("/v1/nodes");
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            Table table = new Table(
                    "NODE", "CLUSTER", "STATUS", "HOST FINGERPRINT", "LAST SEEN", "CREATED", "CERTIFICATES", "REASON");
            for (JsonNode n : answer.path("nodes")) {
                table.row(
                        Output.text(n, "node_id"),
                        Output.text(n, "cluster"),
                        Output.text(n, "status"),
                        Output.text(n, "host_fingerprint"),
                        Output.text(n, "last_seen_at"),
                        Output.text(n, "created_at"),
                        Integer.toString(n.path("certificates").size()),
                        Output.text(n, "revoke_reason"));
            }
            table.print(out, "no nodes");
        }
    }

    /** {@code admin nodes revoke NODE_ID --reason REASON}. */
    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a node: every unexpired certificate of it, with immediate effect.")
    static final class Revoke extends AnsweringCall {
        @Parameters(paramLabel = "NODE_ID", description = "The node id (n-...).")
        String id;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "REASON",
                description =
                        "A revocation.md reason: UNSPECIFIED, KEY_COMPROMISE, CA_COMPROMISE, AFFILIATION_CHANGED, "
                                + "SUPERSEDED, CESSATION_OF_OPERATION, PRIVILEGE_WITHDRAWN.")
        String reason;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.CERTIFICATES_REVOKE);
        }

        @Override
        void validate() {
            if (!ID.matcher(id).matches()) {
                throw new MalformedInputException(ErrorCode.HTTP_REQUEST_INVALID, "node id: want n-<16 hex>");
            }
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.post(
                    "/v1/nodes/" + id + "/revoke", Http.JSON.createObjectNode().put("reason", reason), 200);
        }

        @Override
        void print(JsonNode node, PrintWriter out) {
            out.println("revoked " + id + " (" + Output.text(node, "identity") + "): "
                    + node.path("certificates").size() + " certificate(s), reason " + reason);
        }
    }
}
