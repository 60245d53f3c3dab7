/** Revocation that reaches relying parties: a hash-chained list of revocations, signed heads (COSE_Sign1), freshness tiers, and the X.509 CRL made from the same data (see {@code spec/revocation.md}; RFC 5280 section 5, RFC 9052). */
package dev.cairn.trust.revocation;
