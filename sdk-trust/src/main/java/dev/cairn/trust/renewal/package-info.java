/** Renewal policy: when to renew a certificate, as a pure function of the certificate and a random source, and a scheduler that uses it (see {@code spec/ca.md}). */
package dev.cairn.trust.renewal;
