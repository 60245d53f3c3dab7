package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin requests list|approve|deny}. */
@Command(
        name = "requests",
        mixinStandardHelpOptions = true,
        description = "Review join requests: list them with their evidence, approve or deny them.",
        subcommands = {RequestCommands.ListRequests.class, RequestCommands.Approve.class, RequestCommands.Deny.class})
final class RequestCommands implements Callable<Integer> {
    /** A request id: {@code jr-} and 16 lowercase hex digits. */
    static final Pattern ID = Pattern.compile("jr-[0-9a-f]{16}");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new MalformedInputException(ErrorCode.HTTP_REQUEST_INVALID, "request id: want jr-<16 hex>");
        }
    }

    /** {@code admin requests list [--status S]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List join requests with their evidence.")
    static final class ListRequests extends AnsweringCall {
        @Option(
                names = "--status",
                paramLabel = "STATUS",
                description = "Only requests of this status: pending, approved, denied or expired.")
        String status;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.ENROLLMENT_WRITE);
        }

        @Override
        void validate() {
            if (status != null
                    && !Set.of("pending", "approved", "denied", "expired").contains(status)) {
                throw new MalformedInputException(
                        ErrorCode.HTTP_REQUEST_INVALID, "--status: want pending, approved, denied or expired");
            }
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.get("/v1/join-requests" + (status == null ? "" : "?status=" + status));
        }

        @Override
        void print(JsonNode answer, PrintWriter out) {
            Table table = new Table(
                    "REQUEST",
                    "CLUSTER",
                    "STATUS",
                    "RECEIVED",
                    "HOST FINGERPRINT",
                    "HOSTNAME",
                    "CSR KEY",
                    "TOKEN",
                    "CAPABILITIES",
                    "PEER");
            for (JsonNode r : answer.path("join_requests")) {
                JsonNode facts = r.path("facts");
                List<String> capabilities = new ArrayList<>();
                r.path("capabilities").forEach(c -> capabilities.add(c.asText()));
                table.row(
                        Output.text(r, "request_id"),
                        Output.text(r, "cluster"),
                        Output.text(r, "status"),
                        Output.text(r, "received_at"),
                        Output.text(facts, "host_fingerprint"),
                        Output.text(facts, "hostname"),
                        Output.text(r, "key_type") + " " + Output.text(r, "key_kid"),
                        Output.text(r, "token_id"),
                        String.join(",", capabilities),
                        Output.text(r, "peer_address"));
            }
            table.print(out, "no join requests" + (status == null ? "" : " with status " + status));
        }
    }

    /** {@code admin requests approve ID}. */
    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "Approve a join request: the server issues the node's certificate.")
    static final class Approve extends AnsweringCall {
        @Parameters(paramLabel = "ID", description = "The request id (jr-...).")
        String id;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.ENROLLMENT_WRITE);
        }

        @Override
        void validate() {
            checkId(id);
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.postEmpty("/v1/join-requests/" + id + "/approve", 200);
        }

        @Override
        void print(JsonNode decided, PrintWriter out) {
            out.println("approved " + id + ": node " + Output.text(decided, "node_id") + ", identity "
                    + Output.text(decided, "identity") + ", certificate serial " + Output.text(decided, "serial"));
        }
    }

    /** {@code admin requests deny ID --reason TEXT}. */
    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a join request with a reason.")
    static final class Deny extends AnsweringCall {
        @Parameters(paramLabel = "ID", description = "The request id (jr-...).")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why: 1 to 256 characters.")
        String reason;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.ENROLLMENT_WRITE);
        }

        @Override
        void validate() {
            checkId(id);
        }

        @Override
        JsonNode answer(AdminClient client) throws IOException {
            return client.post(
                    "/v1/join-requests/" + id + "/deny",
                    Http.JSON.createObjectNode().put("reason", reason),
                    200);
        }

        @Override
        void print(JsonNode decided, PrintWriter out) {
            out.println("denied " + id + ": " + Output.text(decided, "reason"));
        }
    }
}
