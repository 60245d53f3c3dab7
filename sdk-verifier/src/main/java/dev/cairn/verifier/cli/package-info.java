/** The {@code cairn-verify} command line: a thin shell over the verifier library (see {@code spec/verifier-cli.md}). Not exported. */
package dev.cairn.verifier.cli;
