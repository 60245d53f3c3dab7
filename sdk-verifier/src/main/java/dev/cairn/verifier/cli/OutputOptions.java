package dev.cairn.verifier.cli;

import picocli.CommandLine.Option;

/** How results are shown: {@code --json} and {@code --progress}, on every verifying subcommand. */
final class OutputOptions {
    @Option(names = "--json", description = "Print one JSON object per result on standard output instead of text.")
    boolean json;

    @Option(
            names = "--progress",
            description = "Show a progress bar on standard error for long runs even when it is not a terminal.")
    boolean progress;
}
