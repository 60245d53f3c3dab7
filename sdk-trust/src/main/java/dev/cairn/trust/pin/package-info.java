/**
 * Trust from a pinned root: the SHA-256 fingerprint of a root CA certificate ({@link
 * dev.cairn.trust.pin.CaFingerprint}), a chain validated against it alone ({@link
 * dev.cairn.trust.pin.PinnedChain}) and the TLS trust manager of a client that reaches the server
 * before it holds a trust bundle ({@link dev.cairn.trust.pin.PinnedServerTrust}; see {@code
 * spec/agent.md}, "Authenticating the server", and {@code spec/server.md}, the admin client).
 */
package dev.cairn.trust.pin;
