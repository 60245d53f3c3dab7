/**
 * COSE_Sign1 signing and verification (RFC 9052 sections 3 and 4; algorithms per RFC 9053): EdDSA
 * with Ed25519 (mandatory) and ES256. Cairn writes and reads the tagged form (tag 18) with a
 * canonical protected header carrying {@code alg} and the derived {@code kid}. See {@code
 * spec/cose.md}.
 */
package dev.cairn.cose;
