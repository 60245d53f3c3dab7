/**
 * Revocation that reaches relying parties ({@code spec/revocation.md}).
 *
 * <p>The issuer keeps a {@link dev.cairn.trust.revocation.RevocationChain}: an append-only hash
 * chain of {@link dev.cairn.trust.revocation.RevocationEntry} values (serial, RFC 5280 reason,
 * time), each link {@code DomainHash("cairn/revocation/v1", previous || entry)}. A {@link
 * dev.cairn.trust.revocation.RevocationPublisher} periodically signs a {@link
 * dev.cairn.trust.revocation.RevocationHead} (COSE_Sign1, RFC 9052) that commits to the chain's size
 * and value, and the X.509 v2 CRL of the same data (RFC 5280 section 5) for TLS stacks.
 *
 * <p>A relying party keeps a {@link dev.cairn.trust.revocation.RevocationState}: it verifies heads
 * against the trust domain's CA keys, refuses rollbacks, checks that new entries extend the chain it
 * holds to exactly the head's value, and answers {@code checkNotRevoked(serial, tier)} per request,
 * failing closed when the head is older than the action's {@link
 * dev.cairn.trust.revocation.FreshnessTier} allows unless an audited {@link
 * dev.cairn.trust.revocation.FreshnessOverride} is given.
 */
package dev.cairn.trust.revocation;
