/**
 * The {@code cairn-server} command line: {@code serve} runs the server, {@code admin ...} is the
 * operator's client of its API ({@code spec/server.md}, "Command line").
 */
package dev.cairn.server.cli;
