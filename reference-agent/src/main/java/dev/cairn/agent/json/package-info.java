/**
 * The agent's one strict JSON object reader ({@link dev.cairn.agent.json.JsonFields}), for the
 * server's answers and the state file alike, each with its own dialect: string bound and error code.
 */
package dev.cairn.agent.json;
