/**
 * The trust state an agent holds and keeps fresh ({@code spec/agent.md}, "Trust refresh"): the trust
 * bundle, replaced only through bundles signed by a CA of the held one (sdk-trust {@code
 * TrustBundleState}), and the revocation state, moved forward only through heads signed by a CA key of
 * the bundle with entries that extend the chain held (sdk-trust {@code RevocationState}), never back
 * behind the head stored in the state directory.
 */
package dev.cairn.agent.trust;
