/** When to renew a certificate: a pure function of its validity and a random source, and a scheduler that acts on it (see {@code spec/ca.md}, "Renewal"). */
package dev.cairn.trust.renewal;
