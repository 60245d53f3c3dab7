/** Streaming, parallel, bounded-memory verification of audit bundles (see {@code spec/audit-bundle.md}). */
package dev.cairn.verifier.bundle;
