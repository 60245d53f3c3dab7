/** Identities in a Cairn trust domain: the trust domain name and the one URI namespace that names every workload (see {@code spec/identity.md}). */
package dev.cairn.trust.identity;
