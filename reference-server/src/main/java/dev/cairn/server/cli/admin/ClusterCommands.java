package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin cluster create|list}. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "Create and list clusters.",
        subcommands = {ClusterCommands.Create.class, ClusterCommands.ListClusters.class})
final class ClusterCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    /** {@code admin cluster create NAME}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a cluster.")
    static final class Create extends AnsweringCall {
        @Parameters(paramLabel = "NAME", description = "The cluster name: 1 to 63 characters [a-z0-9._-].")
        String name;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.CLUSTERS_WRITE);
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.post("/v1/clusters", Http.JSON.createObjectNode().put("name", name), 201);
        }

        @Override
        void print(JsonNode cluster, PrintWriter out) {
            out.println("created cluster " + cluster.path("name").asText() + " (audit sequence "
                    + cluster.path("audit_sequence").asLong() + ")");
        }
    }

    /** {@code admin cluster list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clusters.")
    static final class ListClusters extends AnsweringCall {
        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.CLUSTERS_READ);
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.get("/v1/clusters");
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            Table table = new Table("NAME", "CREATED", "CREATED BY");
            for (JsonNode c : answer.path("clusters")) {
                table.row(
                        c.path("name").asText(),
                        c.path("created_at").asText(),
                        c.path("created_by").asText());
            }
            table.print(out, "no clusters");
        }
    }
}
