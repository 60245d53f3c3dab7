package dev.cairn.agent.cli;

import dev.cairn.agent.AgentExit;
import dev.cairn.errors.CairnException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-agent}: the node agent ({@code spec/agent.md}). Subcommands are registered in the
 * {@code subcommands} list of the {@link Command} annotation below; each returns an {@link AgentExit}
 * code, and a {@link CairnException} that escapes one is printed with its code and hint and mapped by
 * {@link AgentExit#of(CairnException)}.
 */
@Command(
        name = "cairn-agent",
        mixinStandardHelpOptions = true,
        version = "cairn-agent (spec/agent.md version 1)",
        description = "The Cairn node agent: enrollment, heartbeats, renewal and fencing over mTLS.",
        subcommands = {
            EnrollCommand.class,
            RunCommand.class,
            StatusCommand.class,
            HostFingerprintCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "2:usage error",
            "3:internal error",
            "4:temporary failure (I/O, state locked, server out of reach, still pending); try again later",
            "10:fenced: revoked",
            "11:fenced: trust state stale",
            "12:host mismatch, or no host identifier",
            "13:bad local state",
            "14:certificate expired or not yet valid",
            "15:not enrolled",
            "16:fenced: join request rejected",
            "17:server untrusted (pin, identity) or its answer does not check out",
            "18:refused: join token or CSR refused, or the state directory holds another enrollment"
        })
public final class CairnAgent implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Picocli instantiates it. */
    CairnAgent() {}

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line on injected streams, without exiting.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code, one of {@link AgentExit}
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new CairnAgent());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CairnException cairn) {
                err.println("cairn-agent: " + cairn.getMessage());
                err.println("hint: " + cairn.code().hint());
                return AgentExit.of(cairn).code();
            }
            err.println("cairn-agent: internal error: " + e);
            return AgentExit.INTERNAL.code();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
