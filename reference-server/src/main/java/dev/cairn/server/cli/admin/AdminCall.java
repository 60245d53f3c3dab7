package dev.cairn.server.cli.admin;

import dev.cairn.errors.CairnException;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One {@code admin} subcommand: resolves the connection options, authenticates the server, gets a
 * token with {@link #scopes()} and runs. Failures are printed with their code and hint and mapped to
 * the exit codes of {@code cairn-server}: an error the server answered by its family, a refused TLS
 * check 1, a server that cannot be reached 3.
 */
abstract class AdminCall implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    /** The scopes the subcommand's token carries, and no others. */
    abstract Set<OperatorScope> scopes();

    /** Runs with an authorized client; returns the exit code. */
    abstract int run(AdminClient client, PrintWriter out) throws IOException;

    /** Checks the subcommand's own options before anything is sent; throws a malformed-input error. */
    void validate() {}

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Connection.Resolved resolved = null;
        try {
            validate();
            resolved = connection.resolve();
            AdminClient client = AdminClient.open(resolved, scopes());
            int code = run(client, out);
            out.flush();
            return code;
        } catch (ServerError e) {
            err.println("cairn-server: " + e.code() + ": " + e.getMessage());
            if (!e.hint().isEmpty()) {
                err.println("hint: " + e.hint());
            }
            if (!e.traceId().isEmpty()) {
                err.println("trace id: " + e.traceId());
            }
            return AdminExit.of(e.family());
        } catch (CairnException e) {
            return printCairn(err, "", e);
        } catch (IOException e) {
            Optional<CairnException> refused = cairnCause(e);
            if (refused.isPresent()) {
                return printCairn(err, "the server's TLS certificate was refused: ", refused.get());
            }
            err.println("cairn-server: cannot reach " + resolved.server() + ": " + describe(e));
            err.println("hint: check --server and that the server runs (cairn-server serve).");
            return AdminExit.INTERNAL;
        }
    }

    private static int printCairn(PrintWriter err, String prefix, CairnException e) {
        String message = e.getMessage();
        String codePrefix = e.code().name() + ": ";
        if (message != null && message.startsWith(codePrefix)) {
            message = message.substring(codePrefix.length());
        }
        err.println("cairn-server: " + prefix + e.code() + ": " + message);
        err.println("hint: " + e.code().hint());
        return AdminExit.of(e.code().family());
    }

    private static Optional<CairnException> cairnCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CairnException cairn) {
                return Optional.of(cairn);
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
