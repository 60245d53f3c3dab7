/**
 * The server's own PKI material: what first start creates (the CA hierarchy, the server's TLS
 * identity, the log and operator-token keys, the join-token HMAC key, the bootstrap admin credential),
 * its crash-safe creation, its loading and checking on every start, and the database ledger of CA
 * serial numbers ({@code spec/server.md}, sections 2 to 4).
 */
package dev.cairn.server.pki;
