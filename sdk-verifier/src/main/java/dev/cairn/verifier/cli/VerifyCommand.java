package dev.cairn.verifier.cli;

import dev.cairn.errors.CairnException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shape of every verifying subcommand: parse (picocli), call the library, render. A subcommand
 * implements {@link #verify(Output)}, which prints its results and returns the exit code; a coded
 * failure it throws is printed with its code and details, anything else is an internal error (exit
 * 3). Usage errors ({@link ParameterException}) go to picocli, which prints them with the usage help
 * on standard error (exit 2).
 */
abstract class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    CairnVerify root;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        Output results = new Output(root.console().out(), output.json);
        try {
            return verify(results);
        } catch (ParameterException e) {
            throw e;
        } catch (CairnException e) {
            return results.failure(what(), e, Output.ALONE);
        } catch (RuntimeException e) {
            return results.internal(what(), e, Output.ALONE);
        }
    }

    /**
     * Verifies what the options and parameters name, printing every result.
     *
     * @param results where results go
     * @return the exit code
     */
    abstract int verify(Output results);

    /**
     * The kind of object a failure outside {@link #verify} results is reported for.
     *
     * @return for example {@code receipt}
     */
    abstract String what();

    /** The console of this run. */
    Console console() {
        return root.console();
    }

    /** The input reader of this run, whose usage errors name this subcommand. */
    Inputs inputs() {
        return new Inputs(root.console(), spec);
    }

    /** A usage error of this subcommand (exit 2). */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
