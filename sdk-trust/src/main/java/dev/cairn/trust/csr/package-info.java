/** PKCS#10 certificate signing requests: building them with proof of possession, and parsing and verifying them strictly (see {@code spec/ca.md}). */
package dev.cairn.trust.csr;
