/**
 * The {@code cairn-verify} command line: a thin shell over the verifier library (see {@code
 * spec/verifier-cli.md}). Not exported.
 *
 * <p>Each subcommand parses its options (picocli), calls {@code dev.cairn.verifier}, and renders
 * the result through {@link dev.cairn.verifier.cli.Output}: text or one JSON object per result, and
 * the exit code (0 valid, 1 rejected, 2 malformed or usage, 3 internal). Two extension points, each
 * one class registered in one place:
 *
 * <ul>
 *   <li>a subcommand: a class extending {@link dev.cairn.verifier.cli.VerifyCommand}, annotated
 *       with picocli's {@code @Command}, added to the {@code subcommands} list of {@link
 *       dev.cairn.verifier.cli.CairnVerify};
 *   <li>a proof document format ({@code vds}): a {@link dev.cairn.verifier.cli.ProofHandler} added
 *       to {@link dev.cairn.verifier.cli.ProofHandlers#HANDLERS}.
 * </ul>
 */
package dev.cairn.verifier.cli;
