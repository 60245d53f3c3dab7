/** The certificate authority: root and intermediate, issuance profiles, issuance from verified CSRs with server-chosen names, and rotation with overlap (see {@code spec/ca.md}). */
package dev.cairn.trust.ca;
