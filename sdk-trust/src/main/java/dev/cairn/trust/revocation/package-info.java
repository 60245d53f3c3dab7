/** Revocation that reaches relying parties: a monotonic chain of revocations with signed heads, freshness tiers, and a standard X.509 CRL from the same data (see {@code spec/revocation.md}). */
package dev.cairn.trust.revocation;
