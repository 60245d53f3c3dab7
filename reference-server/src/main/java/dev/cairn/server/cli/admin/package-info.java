/**
 * {@code cairn-server admin ...}: the operator's client of the server's API ({@code spec/server.md},
 * "Command line"). Every subcommand authenticates the server before it sends anything: a first
 * connection accepts only a chain that ends in the pinned root and names the server's identity and
 * fetches the public trust bundle and revocation chain; the real connection then verifies the server
 * with sdk-trust's {@link dev.cairn.trust.tls.PeerVerifier}, revocation included. Only then is the
 * admin credential exchanged for a short-lived token with exactly the scopes the subcommand needs.
 * Neither the credential nor the token is ever printed.
 */
package dev.cairn.server.cli.admin;
