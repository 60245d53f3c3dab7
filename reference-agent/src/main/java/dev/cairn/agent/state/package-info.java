/**
 * The agent's local state ({@code spec/agent.md}): each version of the state an immutable generation
 * directory, published crash-safely behind one root pointer ({@link dev.cairn.agent.state.StateDirectory});
 * the lifecycle pending, active, fenced ({@link dev.cairn.agent.state.AgentState}); and the start-up
 * checks that decide whether the identity may be used ({@link dev.cairn.agent.state.StateCheck}).
 * Key and certificate files are sdk-trust's ({@code spec/ca.md}, "Key files"), the trust bundle its
 * canonical JWKS ({@code spec/trust-bundle.md}), the revocation head its COSE_Sign1
 * ({@code spec/revocation.md}).
 */
package dev.cairn.agent.state;
