package dev.cairn.verifier.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-verify}: verifies receipts, checkpoints, proofs and certificates offline against
 * trust anchors, and checks golden vectors ({@code spec/verifier-cli.md}). A thin picocli shell over {@code dev.cairn.verifier}.
 *
 * <p>Subcommands are registered in one place, the {@code subcommands} list of the {@link Command}
 * annotation below: a new subcommand is one class extending {@link VerifyCommand}, annotated with
 * {@link Command}, and added to that list. Proof document formats ({@code vds}) are registered in
 * {@link ProofHandlers}.
 */
@Command(
        name = "cairn-verify",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "cairn-verify (spec/verifier-cli.md version 4)",
        description = "Verifies what a Cairn log exported, offline, against trust anchors obtained out of band.",
        subcommands = {
            ReceiptCommand.class,
            CheckpointCommand.class,
            ProofCommand.class,
            CertCommand.class,
            NoteCommand.class,
            BundleCommand.class,
            VectorsCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid",
            "1:verification failed (a check refused the input)",
            "2:malformed input, or a usage error",
            "3:internal error"
        })
public final class CairnVerify implements Callable<Integer> {
    private final Console console;

    @Spec
    CommandSpec spec;

    private CairnVerify(Console console) {
        this.console = console;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(run(Console.system(), args));
    }

    /**
     * Runs the command line on injected streams, without exiting.
     *
     * @param in standard input, read for {@code -}
     * @param out standard output, where results go
     * @param err standard error, where usage errors and progress go
     * @param args the arguments
     * @return the exit code: 0 valid, 1 verification failed, 2 malformed input or usage, 3 internal error
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        return run(Console.of(in, out, err), args);
    }

    static int run(Console console, String... args) {
        CommandLine commandLine = new CommandLine(new CairnVerify(console));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(writer(console.out()));
        commandLine.setErr(writer(console.err()));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            console.err().println("cairn-verify: internal error: " + e);
            return ExitCode.INTERNAL;
        });
        int code = commandLine.execute(args);
        console.out().flush();
        console.err().flush();
        return code;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }

    /** Without a subcommand there is nothing to verify: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    Console console() {
        return console;
    }
}
