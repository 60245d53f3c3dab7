/** Private keys as PKCS#8 PEM files, written crash-safely with owner-only permissions, and certificates as PEM (see {@code spec/ca.md}). */
package dev.cairn.trust.keyfile;
