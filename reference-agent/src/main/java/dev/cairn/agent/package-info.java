/**
 * Cairn's reference node agent ({@code spec/agent.md}): its exit codes here, its crash-safe state
 * directory in {@link dev.cairn.agent.state}, its host binding in {@link dev.cairn.agent.host}.
 */
package dev.cairn.agent;
