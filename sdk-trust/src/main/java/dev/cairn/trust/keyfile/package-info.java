/** Private keys as PKCS#8 PEM files, written crash-safely with owner-only permissions, and certificate chains as PEM files (see {@code spec/ca.md}, "Key files"). */
package dev.cairn.trust.keyfile;
