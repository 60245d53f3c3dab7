/**
 * The server's configuration: one JSON file plus environment overrides, every key declared once in
 * {@link dev.cairn.server.config.Settings}, validated as a whole at start-up. Anything malformed,
 * unknown, incomplete or unsafe stops start-up with a coded error naming the key ({@code
 * spec/server.md}, "Configuration").
 */
package dev.cairn.server.config;
