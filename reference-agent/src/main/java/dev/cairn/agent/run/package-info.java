/**
 * {@code cairn-agent run} ({@code spec/agent.md}, "Running"): start-up checks, then heartbeats over
 * one reused mTLS connection, trust refresh (revocation head and trust bundle, verified and published
 * into the state directory), renewal at the jittered renewal point with a new key stored crash-safely
 * before it is used, and fencing when the server or the agent's own revocation state says the
 * identity is revoked, or when the trust held is staler than the agent's tier allows and cannot be
 * refreshed.
 */
package dev.cairn.agent.run;
