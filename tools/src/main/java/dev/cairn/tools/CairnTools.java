package dev.cairn.tools;

import dev.cairn.tools.demo.Demo;
import dev.cairn.tools.specdoc.SpecTables;
import dev.cairn.tools.vectors.Vectors;
import dev.cairn.verifier.vectors.CheckReport;
import dev.cairn.verifier.vectors.VectorChecker;
import dev.cairn.verifier.vectors.VectorTree;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the tools jar: {@code demo}, {@code generate} and {@code check}. */
@Command(
        name = "cairn-tools",
        mixinStandardHelpOptions = true,
        subcommands = {CairnTools.DemoCommand.class, CairnTools.GenerateCommand.class, CairnTools.CheckCommand.class},
        description = "Cairn repository tools: the demo, the vector generator and the vector checker.")
public final class CairnTools implements Callable<Integer> {
    /**
     * Runs a subcommand and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CairnTools()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Options shared by the subcommands. */
    abstract static class RootOption {
        @Option(names = "--root", description = "Repository root (default: current directory).", defaultValue = ".")
        Path root;
    }

    /** {@code demo}: the walk-through. */
    @Command(name = "demo", description = "Walk through what Cairn can do today.")
    static final class DemoCommand extends RootOption implements Callable<Integer> {
        @Override
        public Integer call() {
            return new Demo(System.out).run(root);
        }
    }

    /** {@code generate}: rewrite vectors/ and the generated spec tables. */
    @Command(name = "generate", description = "Regenerate vectors/ and the generated tables in spec/.")
    static final class GenerateCommand extends RootOption implements Callable<Integer> {
        @Override
        public Integer call() {
            int written = Vectors.write(root.resolve("vectors"));
            SpecTables.update(root.resolve("spec"));
            System.out.println("wrote " + written + " vectors and the generated spec tables");
            return 0;
        }
    }

    /** {@code check}: check vectors/ with sdk-verifier's checker (the one of {@code cairn-verify vectors}). */
    @Command(name = "check", description = "Check every vector in vectors/ and report all failures.")
    static final class CheckCommand extends RootOption implements Callable<Integer> {
        @Override
        public Integer call() {
            CheckReport report = VectorChecker.checkAll(VectorTree.read(root.resolve("vectors")));
            report.failures().forEach(f -> System.out.println(f.status() + " " + f.file() + ": " + f.differed()));
            System.out.println(report.summary());
            return report.failures().isEmpty() ? 0 : 1;
        }
    }
}
