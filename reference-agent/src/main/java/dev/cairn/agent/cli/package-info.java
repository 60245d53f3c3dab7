/**
 * The {@code cairn-agent} command line ({@code spec/agent.md}, "Command line"): a thin picocli shell
 * over {@link dev.cairn.agent.state} and {@link dev.cairn.agent.host}, exiting with {@link
 * dev.cairn.agent.AgentExit} codes.
 */
package dev.cairn.agent.cli;
