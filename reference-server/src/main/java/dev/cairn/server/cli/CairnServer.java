package dev.cairn.server.cli;

import dev.cairn.errors.CairnException;
import dev.cairn.server.cli.admin.AdminCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn-server}: the reference server and its operator command line. */
@Command(
        name = "cairn-server",
        mixinStandardHelpOptions = true,
        version = "cairn-server (spec/server.md version 1)",
        description = "The Cairn reference server: PKI authority and control plane.",
        subcommands = {ServeCommand.class, AdminCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok (serve: stopped by a signal)",
            "1:refused by the server or a check (the code is printed)",
            "2:usage error, or a configuration or input that is not usable",
            "3:internal error"
        })
public final class CairnServer implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Picocli instantiates it. */
    CairnServer() {}

    /**
     * Runs the command line and exits with its exit code (unless {@code serve} keeps running).
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
     * @return the exit code
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new CairnServer());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CairnException cairn) {
                err.println("cairn-server: " + cairn.getMessage());
                err.println("hint: " + cairn.code().hint());
                return Exits.of(cairn);
            }
            err.println("cairn-server: internal error: " + e);
            return Exits.INTERNAL;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Exits.USAGE;
    }
}
