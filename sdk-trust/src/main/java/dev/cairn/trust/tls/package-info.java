/** TLS identity: TLS 1.3 mutual-TLS {@code SSLContext}s from Cairn keys, certificates and a trust bundle, and peer identity from a verified chain only (see {@code spec/tls-identity.md}; RFC 8446, RFC 5280). */
package dev.cairn.trust.tls;
