/**
 * The reference server's revocation ({@code spec/enrollment.md} section 6, {@code
 * spec/revocation.md}): the chain kept in the database and appended inside the audited mutation that
 * revokes, heads and CRLs published with sdk-trust's {@link
 * dev.cairn.trust.revocation.RevocationPublisher} (periodically and right after each revocation, each
 * sequence claimed in the database before its head is served), the {@link
 * dev.cairn.trust.revocation.RevocationState} the HTTP edge checks every peer against, and the public
 * routes that serve the head, the entries and the CRL.
 */
package dev.cairn.server.revocation;
