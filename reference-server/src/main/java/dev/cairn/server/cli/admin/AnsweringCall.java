package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * An {@code admin} subcommand that makes one call and prints the server's answer: as text for an
 * operator, or with {@code --json} as the JSON the server answered ({@link #shownAsJson} may narrow
 * it), exit code 0.
 */
abstract class AnsweringCall extends AdminCall {
    @Option(names = "--json", description = "Print the server's JSON answer instead of text.")
    boolean json;

    /** Makes the call; returns the server's answer. */
    abstract JsonNode answer(AdminClient client) throws IOException;

    /** Prints the answer for an operator. */
    abstract void print(JsonNode answer, PrintWriter out);

    /** What {@code --json} prints of the answer: all of it, unless a subcommand says otherwise. */
    JsonNode shownAsJson(JsonNode answer) {
        return answer;
    }

    @Override
    final int run(AdminClient client, PrintWriter out) throws IOException {
        JsonNode answer = answer(client);
        if (json) {
            out.println(Output.json(shownAsJson(answer)));
        } else {
            print(answer, out);
        }
        return AdminExit.OK;
    }
}
