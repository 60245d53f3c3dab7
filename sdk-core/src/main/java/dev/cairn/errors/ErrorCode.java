package dev.cairn.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one registry of stable error codes shared by every Cairn module.
 *
 * <p>A code's name is its wire form and never changes meaning once released; codes are added, never
 * renamed or reused. Each code fixes its {@link ErrorFamily}, whether retrying the same request can
 * succeed, an optional delay before a retry, and a recovery hint for the caller. The table in
 * {@code spec/errors.md} is generated from this enum and a test keeps the two equal.
 */
public enum ErrorCode {
    // --- Canonical CBOR (spec/cbor.md) ---
    /** The input ended inside a data item. */
    CBOR_TRUNCATED(ErrorFamily.MALFORMED_INPUT, "Send the complete encoded item; the input ended inside it."),
    /** Bytes follow the single top-level data item. */
    CBOR_TRAILING_BYTES(ErrorFamily.MALFORMED_INPUT, "Send exactly one data item with nothing after it."),
    /** An integer, length or tag was not encoded in its shortest form. */
    CBOR_NON_CANONICAL(
            ErrorFamily.MALFORMED_INPUT, "Encode integers, lengths and tags in their shortest form (RFC 8949 4.2.1)."),
    /** An indefinite-length string, array or map, or a stray break byte. */
    CBOR_INDEFINITE_LENGTH(
            ErrorFamily.MALFORMED_INPUT, "Use definite lengths only; indefinite lengths are not canonical."),
    /** Additional information 28-30, which RFC 8949 reserves. */
    CBOR_RESERVED_VALUE(ErrorFamily.MALFORMED_INPUT, "The item uses a reserved encoding; it is not valid CBOR."),
    /** Map keys are not in ascending order of their encoded bytes. */
    CBOR_KEY_ORDER(ErrorFamily.MALFORMED_INPUT, "Sort map keys by their encoded bytes (RFC 8949 4.2.1)."),
    /** The same key appears twice in one map. */
    CBOR_DUPLICATE_KEY(ErrorFamily.MALFORMED_INPUT, "Remove the repeated map key; each key may appear once."),
    /** A map key that is neither an integer nor a text string. */
    CBOR_KEY_TYPE(ErrorFamily.MALFORMED_INPUT, "Use integer or text map keys only."),
    /** A text string that is not well-formed UTF-8. */
    CBOR_INVALID_UTF8(ErrorFamily.MALFORMED_INPUT, "Encode text strings as well-formed UTF-8."),
    /** A floating-point value where no spec allows one. */
    CBOR_FLOAT_NOT_ALLOWED(ErrorFamily.MALFORMED_INPUT, "Floating-point values are not part of Cairn's CBOR profile."),
    /** A simple value other than false, true and null. */
    CBOR_SIMPLE_NOT_ALLOWED(ErrorFamily.MALFORMED_INPUT, "Use only the simple values false, true and null."),
    /** A tag that the spec of this structure does not allow here. */
    CBOR_TAG_NOT_ALLOWED(ErrorFamily.MALFORMED_INPUT, "Remove the tag; this structure does not allow it here."),
    /** An integer outside the signed 64-bit range of Cairn's profile. */
    CBOR_INT_OUT_OF_RANGE(ErrorFamily.MALFORMED_INPUT, "Keep integers within the signed 64-bit range."),
    /** The input is longer than the decoder's size limit. */
    CBOR_TOO_LARGE(ErrorFamily.MALFORMED_INPUT, "Send a smaller item; the decoder's size limit was exceeded."),
    /** Arrays and maps nest deeper than the decoder's depth limit. */
    CBOR_TOO_DEEP(ErrorFamily.MALFORMED_INPUT, "Nest arrays and maps less deeply."),
    /** More data items than the decoder's item-count limit. */
    CBOR_TOO_MANY_ITEMS(ErrorFamily.MALFORMED_INPUT, "Send fewer data items; the decoder's item limit was exceeded."),
    /** A byte or text string longer than the decoder's string limit. */
    CBOR_STRING_TOO_LONG(ErrorFamily.MALFORMED_INPUT, "Send shorter strings; the decoder's string limit was exceeded."),
    /** A field that the closed structure being decoded does not define. */
    CBOR_UNKNOWN_FIELD(ErrorFamily.MALFORMED_INPUT, "Remove the field; this structure is closed."),
    /** A field that the structure being decoded requires is absent. */
    CBOR_MISSING_FIELD(ErrorFamily.MALFORMED_INPUT, "Add the required field."),
    /** A data item of another major type than the structure requires. */
    CBOR_WRONG_TYPE(ErrorFamily.MALFORMED_INPUT, "Encode the field with the type its spec gives."),

    // --- Keys (spec/cose.md, COSE_Key) ---
    /** Public or private key bytes that do not form a valid key of the stated type. */
    KEY_INVALID(ErrorFamily.MALFORMED_INPUT, "Supply a valid key: correct length, point on the curve."),
    /** A key type or curve that Cairn does not support. */
    KEY_UNSUPPORTED(ErrorFamily.REJECTED, "Use an Ed25519 (OKP) or P-256 (EC2) key."),
    /** A raw signature that does not verify under the given key. */
    SIGNATURE_INVALID(ErrorFamily.REJECTED, "The signature does not match the message and key; do not trust the data."),

    /** Signed by a key that is not among the verifier's trusted keys (no key has the message's kid). */
    SIGNATURE_KEY_UNTRUSTED(
            ErrorFamily.REJECTED, "Add the signer's key to the trusted keys if, and only if, you trust it."),

    // --- COSE_Sign1 (spec/cose.md) ---
    /** The bytes are CBOR but not a tagged COSE_Sign1 structure. */
    COSE_STRUCTURE(
            ErrorFamily.MALFORMED_INPUT,
            "Send a COSE_Sign1: tag 18 around [protected, unprotected, payload, signature]."),
    /** A header parameter has the wrong type, or the protected header is not a canonical map. */
    COSE_HEADER_INVALID(
            ErrorFamily.MALFORMED_INPUT, "Fix the header parameter's type; protected headers are canonical maps."),
    /** The protected header carries no algorithm. */
    COSE_ALG_MISSING(ErrorFamily.MALFORMED_INPUT, "Put the alg parameter (label 1) in the protected header."),
    /** The algorithm is not in the verifier's allow-list. */
    COSE_ALG_NOT_ALLOWED(ErrorFamily.REJECTED, "Sign with an algorithm the verifier allows."),
    /** The algorithm does not match the type of the verification key. */
    COSE_ALG_KEY_MISMATCH(ErrorFamily.REJECTED, "Verify with a key of the type the alg parameter names."),
    /** A label appears in both the protected and the unprotected header. */
    COSE_HEADER_DUPLICATE(ErrorFamily.MALFORMED_INPUT, "Put each header label in one bucket only."),
    /** The crit parameter is empty, malformed, or names a label absent from the protected header. */
    COSE_CRIT_INVALID(ErrorFamily.MALFORMED_INPUT, "List only labels present in the protected header in crit."),
    /** The crit parameter names a header this verifier does not understand. */
    COSE_UNKNOWN_CRITICAL(ErrorFamily.REJECTED, "Upgrade the verifier, or do not mark this header critical."),
    /** The kid header names another key than the one verifying. */
    COSE_KID_MISMATCH(ErrorFamily.REJECTED, "Verify with the key the kid names."),
    /** A detached payload was expected but the message carries one, or the other way round. */
    COSE_PAYLOAD_MISMATCH(ErrorFamily.MALFORMED_INPUT, "Supply the detached payload, or expect an attached one."),
    /** The protected content type is not the kind of object the verifier expects. */
    COSE_CONTENT_TYPE_MISMATCH(
            ErrorFamily.REJECTED, "Verify the message as the kind of object its content type names."),
    /** The signature does not verify over the Sig_structure. */
    COSE_BAD_SIGNATURE(ErrorFamily.REJECTED, "The signature does not match; do not trust the payload."),

    // --- Marker streams (spec/marker-stream.md) ---
    /** A marker record or encoded marker that does not parse: bad length, magic, checksum or field. */
    MARKER_MALFORMED(
            ErrorFamily.MALFORMED_INPUT,
            "The marker bytes are damaged or not a marker; fetch them again from a good copy."),
    /** A marker's kind is empty, too long, or not printable ASCII. */
    MARKER_KIND_INVALID(ErrorFamily.MALFORMED_INPUT, "Use a marker kind of 1-64 printable ASCII bytes."),
    /** A marker's hash, sequence or previous-hash link does not follow from its predecessor. */
    MARKER_CHAIN_BROKEN(ErrorFamily.REJECTED, "The stream was altered or diverged here; compare with a trusted copy."),
    /** No marker at the requested sequence or time. */
    MARKER_NOT_FOUND(ErrorFamily.REJECTED, "Ask for a sequence below the stream's size."),
    /** The marker store was closed or failed earlier and accepts no more appends. */
    MARKER_STORE_CLOSED(ErrorFamily.INTERNAL, "Reopen the store; it recovers to the last durable marker."),
    /** A durable append did not complete within the bounded wait; it may or may not be durable. */
    MARKER_APPEND_TIMEOUT(
            ErrorFamily.INTERNAL,
            true,
            Duration.ofSeconds(1),
            "Retry after the delay; read the head first to see whether the marker landed."),

    // --- MMR (spec/mmr.md) ---
    /** An MMR size that no sequence of appends produces, or an index outside the tree. */
    MMR_SIZE_INVALID(ErrorFamily.MALFORMED_INPUT, "Use a valid MMR size and a node index below it."),
    /** A proof of the wrong shape: path length, number of paths or peaks, or sizes out of order. */
    MMR_PROOF_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send the proof for exactly this index and size."),
    /** A proof that is well formed but does not lead to the accumulator given. */
    MMR_PROOF_INVALID(ErrorFamily.REJECTED, "The entry is not in the log as claimed; do not trust it."),

    // --- Checkpoints and receipts (spec/receipts.md) ---
    /** A checkpoint or receipt that does not parse as its spec says. */
    RECEIPT_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send the receipt as spec/receipts.md encodes it."),
    /** Signed for another log than the one expected. */
    RECEIPT_LOG_MISMATCH(ErrorFamily.REJECTED, "Verify against the log the receipt was issued for."),
    /** Issued for an epoch other than the one expected. */
    RECEIPT_EPOCH_MISMATCH(ErrorFamily.REJECTED, "Verify against the epoch the receipt was issued in."),
    /** A time that lies in the future beyond the allowed clock skew, or out of order. */
    RECEIPT_TIME_INVALID(ErrorFamily.REJECTED, "Check both clocks; the receipt's time is outside the allowed window."),
    /** The statement is not the entry the inclusion proof proves, or the proof's tree is not the checkpoint's. */
    RECEIPT_NOT_INCLUDED(
            ErrorFamily.REJECTED, "The receipt's entry is not in the log under this checkpoint; do not trust it."),

    // --- Trust: identities, CSRs and the CA (sdk-trust; spec/identity.md, spec/ca.md) ---
    /** A trust domain or identity URI that breaks the grammar of spec/identity.md. */
    IDENTITY_MALFORMED(
            ErrorFamily.MALFORMED_INPUT, "Use a canonical cairn:// identity as spec/identity.md defines it."),
    /** A key file that is not one PKCS#8 PEM block within the size limit. */
    KEYFILE_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Give a PKCS#8 PEM file (PRIVATE KEY) as spec/ca.md describes."),
    /** A key file whose key is not Ed25519 or P-256. */
    KEYFILE_KEY_UNSUPPORTED(ErrorFamily.REJECTED, "Use an Ed25519 or P-256 key."),
    /** A private key file that group or others may read or write. */
    KEYFILE_PERMISSIONS(
            ErrorFamily.REJECTED, "Restrict the file to its owner (chmod 600) and consider the key exposed."),
    /** A key or certificate file that already exists; Cairn never replaces one. */
    KEYFILE_EXISTS(ErrorFamily.REJECTED, "Choose a new file name, or remove the old file deliberately first."),
    /** A CSR that is not one strict DER PKCS#10 request within the size limit. */
    CSR_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send one PKCS#10 request, DER or PEM, as spec/ca.md describes."),
    /** The CSR's signature does not verify with its own public key: no proof of possession. */
    CSR_BAD_SIGNATURE(ErrorFamily.REJECTED, "Sign the CSR with the private key of the public key it carries."),
    /** The CSR's key is not of an allowed type (Ed25519 or P-256). */
    CSR_KEY_NOT_ALLOWED(ErrorFamily.REJECTED, "Generate an Ed25519 or P-256 key and make a new CSR."),
    /** The CSR carries an attribute or extension the CA does not accept. */
    CSR_EXTENSION_NOT_ALLOWED(
            ErrorFamily.REJECTED, "Request only a subjectAltName; the CA sets every other extension."),
    /** The CSR asks for names other than the one identity the CA assigns. */
    CSR_NAMES_NOT_ALLOWED(ErrorFamily.REJECTED, "Request no name, or exactly the identity you are enrolled as."),
    /** A requested certificate lifetime outside the profile's bounds. */
    CA_TTL_OUT_OF_RANGE(ErrorFamily.REJECTED, "Request a lifetime within the profile's minimum and maximum."),
    /** The issuing CA's certificate is not valid now or ends before the requested lifetime would. */
    CA_NOT_VALID(ErrorFamily.REJECTED, "Rotate to a valid intermediate, or request a shorter lifetime."),
    /** A random serial number was already used; issuance stopped rather than reuse it. */
    CA_SERIAL_REUSED(ErrorFamily.INTERNAL, true, Duration.ofSeconds(1), "Retry: a fresh random serial is drawn."),
    /** Bytes that are not a certificate Cairn accepts: bad DER or PEM, too large, wrong structure. */
    CERT_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send X.509 certificates in DER or PEM as spec/ca.md describes."),
    /** A certificate whose notAfter has passed. */
    CERT_EXPIRED(ErrorFamily.REJECTED, "Renew the certificate; check the clocks if it should still be valid."),
    /** A certificate whose notBefore has not come yet. */
    CERT_NOT_YET_VALID(ErrorFamily.REJECTED, "Check both clocks; the certificate is not valid yet."),
    /** A chain that does not lead to a CA of the trust bundle: bad signature, wrong issuer, CA constraints. */
    CERT_CHAIN_INVALID(
            ErrorFamily.REJECTED, "Present the chain the trust domain's CA issued; refresh the trust bundle."),
    /** A certificate whose serial is on the revocation list under the current head. */
    CERT_REVOKED(ErrorFamily.REJECTED, "The certificate was revoked; enroll again for a new identity."),
    /** A CA rotation step taken in the wrong phase (activate before prepare, retire before activate, ...). */
    CA_ROTATION_STATE(ErrorFamily.REJECTED, "Follow the rotation order of spec/ca.md: prepare, activate, retire."),
    /** Too few relying parties report the bundle that carries the next CA to activate it. */
    CA_ROTATION_NOT_PROPAGATED(
            ErrorFamily.REJECTED,
            true,
            Duration.ofSeconds(60),
            "Wait until enough relying parties have fetched the new trust bundle, then activate again."),
    /** The old CA still has leaves that have not expired. */
    CA_RETIRE_TOO_EARLY(
            ErrorFamily.REJECTED,
            true,
            Duration.ofSeconds(60),
            "Retire the old CA after its last leaf has expired, or revoke those leaves first."),

    // --- Trust: revocation heads, freshness tiers and CRLs (sdk-trust; spec/revocation.md) ---
    /** A revocation entry or head that does not parse as spec/revocation.md encodes it. */
    REVOCATION_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send revocation data as spec/revocation.md encodes it."),
    /** Revocation entries that do not hash to the chain value the signed head commits to. */
    REVOCATION_CHAIN_BROKEN(
            ErrorFamily.REJECTED, "The revocation entries were altered or are incomplete; fetch them again."),
    /** A head older than the one already held, or a different head with the same sequence. */
    REVOCATION_HEAD_ROLLBACK(
            ErrorFamily.REJECTED, "Keep the newer head; a replayed or forked revocation head is refused."),
    /** The newest head held is older than the action's freshness tier allows. */
    REVOCATION_HEAD_STALE(
            ErrorFamily.REJECTED,
            true,
            Duration.ofSeconds(5),
            "Fetch a fresh revocation head, then retry; or run under an explicit, audited override."),

    // --- Trust: bundles (sdk-trust; spec/trust-bundle.md) ---
    /** A trust bundle that does not parse as spec/trust-bundle.md describes. */
    BUNDLE_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send the trust bundle as spec/trust-bundle.md describes."),
    /** A bundle whose sequence is lower than the one held, or a different bundle with the same sequence. */
    BUNDLE_ROLLBACK(ErrorFamily.REJECTED, "Keep the newer bundle; a bundle's sequence never goes back."),
    /** A new bundle not signed by a CA key of the bundle held. */
    BUNDLE_SIGNER_UNTRUSTED(
            ErrorFamily.REJECTED,
            "Obtain the bundle from a source you trust out of band; it is not signed by the bundle you hold."),
    /** A bundle for another trust domain than the one expected. */
    BUNDLE_TRUST_DOMAIN_MISMATCH(ErrorFamily.REJECTED, "Use the bundle of the trust domain you are verifying."),

    // --- Trust: operator tokens (sdk-trust; spec/tokens.md) ---
    /** A token that is not a compact JWS with the claims spec/tokens.md requires, within the size limit. */
    TOKEN_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Send a bearer token issued by the server, unmodified."),
    /** A token signed with an algorithm the validator does not allow. */
    TOKEN_ALG_NOT_ALLOWED(ErrorFamily.REJECTED, "Use a token signed with EdDSA or ES256 by the server."),
    /** A token whose kid names no key of the validator's JWKS. */
    TOKEN_KEY_UNKNOWN(ErrorFamily.REJECTED, "Refresh the issuer's JWKS, or obtain a new token."),
    /** A token whose signature does not verify. */
    TOKEN_BAD_SIGNATURE(ErrorFamily.REJECTED, "The token was altered or forged; obtain a new one."),
    /** A token whose exp, with the allowed skew, has passed. */
    TOKEN_EXPIRED(ErrorFamily.REJECTED, "Obtain a new token with the admin credential."),
    /** A token whose nbf or iat lies in the future beyond the allowed skew. */
    TOKEN_NOT_YET_VALID(ErrorFamily.REJECTED, "Check both clocks; the token is not valid yet."),
    /** A token from another issuer than the one expected. */
    TOKEN_ISSUER_MISMATCH(ErrorFamily.REJECTED, "Use a token issued by this server."),
    /** A token for another audience than the one expected. */
    TOKEN_AUDIENCE_MISMATCH(ErrorFamily.REJECTED, "Use a token issued for this service."),
    /** A token without a scope the action needs. */
    TOKEN_SCOPE_MISSING(ErrorFamily.REJECTED, "Obtain a token with the scope the action needs."),

    // --- Trust: TLS peer identity (sdk-trust; spec/tls-identity.md) ---
    /** The peer presented no certificate. */
    TLS_PEER_MISSING(ErrorFamily.REJECTED, "Connect with the client certificate the trust domain issued you."),
    /** The peer certificate does not carry exactly one URI SAN in the trust domain's namespace. */
    TLS_PEER_IDENTITY_INVALID(
            ErrorFamily.REJECTED, "Present a certificate the trust domain's CA issued: one cairn:// URI SAN only."),

    // --- Verifier: RFC 9162 proofs, signed notes, audit bundles, proof documents (sdk-verifier) ---
    /** An RFC 9162 proof of the wrong shape: index or sizes out of range, wrong path length. */
    MERKLE_PROOF_MALFORMED(
            ErrorFamily.MALFORMED_INPUT,
            "Send the proof for exactly this index and tree size (RFC 9162 2.1.3, 2.1.4)."),
    /** An RFC 9162 proof that is well formed but does not lead to the root given. */
    MERKLE_PROOF_INVALID(ErrorFamily.REJECTED, "The entry or tree is not what the log claims; do not trust it."),
    /** A signed note that breaks the C2SP signed-note format or its size limits. */
    NOTE_MALFORMED(
            ErrorFamily.MALFORMED_INPUT, "Send the note as C2SP signed-note defines it: text, blank line, signatures."),
    /** A note verifier key that is not name+hash+base64 of a supported algorithm. */
    NOTE_KEY_MALFORMED(
            ErrorFamily.MALFORMED_INPUT, "Give the verifier key as name+hash+base64 (C2SP signed-note), Ed25519."),
    /** No signature of the note verifies with any of the given keys. */
    NOTE_UNVERIFIED(ErrorFamily.REJECTED, "The note is not signed by a key you trust; do not trust its text."),
    /** An audit bundle that does not parse as spec/audit-bundle.md encodes it, or breaks its limits. */
    AUDIT_BUNDLE_MALFORMED(ErrorFamily.MALFORMED_INPUT, "Export the audit bundle again; it does not parse."),
    /** An audit bundle that lacks part of its range, a proof, or the trust material to check it. */
    AUDIT_BUNDLE_INCOMPLETE(ErrorFamily.REJECTED, "Export the whole range with its checkpoints and trust material."),
    /** A proof document for the verifier CLI that breaks spec/verifier-cli.md. */
    PROOF_DOCUMENT_MALFORMED(
            ErrorFamily.MALFORMED_INPUT, "Write the proof document as spec/verifier-cli.md describes."),

    // --- Server storage (spec/server-storage.md) ---
    /** A storage configuration that cannot be used: unsupported JDBC URL, unsafe path, bad pool size. */
    STORE_CONFIG_INVALID(
            ErrorFamily.MALFORMED_INPUT,
            "Give a jdbc:postgresql: URL, or a directory for the embedded H2 database (no ';' in its path),"
                    + " and a pool of 1-1000 connections."),
    /** No connection to the database could be had, or the connection broke before anything was applied. */
    STORE_UNAVAILABLE(
            ErrorFamily.INTERNAL,
            true,
            Duration.ofSeconds(1),
            "Retry after the delay; check that the database is running and reachable. Nothing was applied."),
    /** The schema migrations failed, or the database holds a schema this server cannot use. */
    STORE_MIGRATION_FAILED(
            ErrorFamily.INTERNAL,
            "Read the cause: fix the database (or restore it) and start again; the schema was not changed."),
    /** A transaction failed before its commit and was rolled back: nothing of it was applied. */
    STORE_TRANSACTION_FAILED(
            ErrorFamily.INTERNAL, true, Duration.ofSeconds(1), "Retry after the delay; nothing was applied."),
    /** The commit was sent but its outcome is unknown (the connection broke): it may or may not have landed. */
    STORE_COMMIT_UNKNOWN(
            ErrorFamily.INTERNAL,
            true,
            Duration.ofSeconds(1),
            "Read the state (or retry with the same Idempotency-Key) to learn whether the change landed."),
    /** A mutation was not durable within the bounded wait; if the writer had taken it, it may still land. */
    STORE_TIMEOUT(
            ErrorFamily.INTERNAL,
            true,
            Duration.ofSeconds(1),
            "Retry after the delay with the same Idempotency-Key; read the log first if the mutation was taken."),
    /** Too many mutations are queued for the audit log's writer. */
    STORE_OVERLOADED(
            ErrorFamily.INTERNAL, true, Duration.ofSeconds(1), "Retry after the delay; the server is saturated."),
    /** The store or the audit log is closed. */
    STORE_CLOSED(ErrorFamily.INTERNAL, "The server is shutting down; send the request to another replica."),
    /** A mutation's own SQL failed (not a refusal): it alone was rolled back to its savepoint. */
    STORE_MUTATION_FAILED(
            ErrorFamily.INTERNAL, "Report this with the cause: the change's SQL failed and was not applied."),
    /** The stored log contradicts itself: head, markers, MMR nodes or checkpoints disagree. */
    STORE_INCONSISTENT(
            ErrorFamily.INTERNAL,
            "Stop writing; compare the database with a backup and verify the log with cairn-verify."),
    /** The database holds the audit log of another log id. */
    STORE_LOG_MISMATCH(ErrorFamily.REJECTED, "Open the database with the log id it was created for."),
    /** Nothing is stored under the requested sequence, size or range. */
    STORE_NOT_FOUND(ErrorFamily.REJECTED, "Ask for a sequence, checkpoint size or range that the log holds."),
    /** The statement is in the log, but no checkpoint covers it yet. */
    STORE_RECEIPT_PENDING(
            ErrorFamily.REJECTED,
            true,
            Duration.ofSeconds(1),
            "Retry after the delay: the next checkpoint will cover it (or publish one on demand)."),

    // --- Server configuration and start-up (spec/server.md) ---
    /** The server's configuration file is not one JSON object of sections, or cannot be read. */
    CONFIG_MALFORMED(
            ErrorFamily.MALFORMED_INPUT, "Write the configuration as one JSON object of sections (spec/server.md)."),
    /** A configuration key or CAIRN_SERVER_ environment variable the server does not know. */
    CONFIG_UNKNOWN_KEY(
            ErrorFamily.MALFORMED_INPUT, "Remove or correct the key; spec/server.md lists every key the server reads."),
    /** A required configuration key has no value. */
    CONFIG_MISSING(ErrorFamily.MALFORMED_INPUT, "Set the key in the configuration file or its environment variable."),
    /** A configuration value of the wrong type or outside its bounds. */
    CONFIG_INVALID(ErrorFamily.MALFORMED_INPUT, "Give the value the type and bounds spec/server.md states."),
    /** A configuration that would be unsafe to run with: a secret in the file, a file others can read. */
    CONFIG_UNSAFE(
            ErrorFamily.MALFORMED_INPUT,
            "Keep secrets out of the configuration file and make secret files owner-only (chmod 600)."),
    /** The data directory holds state that does not fit the configuration or itself (another trust domain, a key not its certificate's). */
    CONFIG_STATE_MISMATCH(
            ErrorFamily.MALFORMED_INPUT,
            "Point server.data_dir at this trust domain's directory, or restore its pki/ from a backup."),

    // --- HTTP API edge (spec/http-api.md) ---

    // --- Enrollment: clusters, join tokens, join requests, nodes (spec/enrollment.md) ---

    // --- Node agent (spec/agent.md) ---

    // --- Internal ---
    /** A cryptographic provider failed in a way valid input cannot cause. */
    INTERNAL_CRYPTO(ErrorFamily.INTERNAL, "Report this: the cryptographic provider failed."),
    /** Reading or writing storage failed; the operation may succeed later. */
    INTERNAL_IO(
            ErrorFamily.INTERNAL,
            true,
            Duration.ofSeconds(1),
            "Retry after the delay; check disk space and permissions."),
    /** A store's files are held by another open instance, in this process or another. */
    INTERNAL_STORE_LOCKED(
            ErrorFamily.INTERNAL,
            "Another open instance holds this store; close it first, or open a different directory."),
    /** An invariant of Cairn's own code was broken. */
    INTERNAL_BUG(ErrorFamily.INTERNAL, "Report this with the trace: an internal invariant failed.");

    private final ErrorFamily family;
    private final boolean retryable;
    private final Duration retryAfter;
    private final String hint;

    ErrorCode(ErrorFamily family, String hint) {
        this(family, false, null, hint);
    }

    ErrorCode(ErrorFamily family, boolean retryable, Duration retryAfter, String hint) {
        this.family = Objects.requireNonNull(family);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.hint = Objects.requireNonNull(hint);
    }

    /**
     * Returns the family this code belongs to.
     *
     * @return the family
     */
    public ErrorFamily family() {
        return family;
    }

    /**
     * Whether sending the same request again can succeed.
     *
     * @return {@code true} if a retry can succeed
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * The delay a client waits before retrying, where the code fixes one.
     *
     * @return the delay, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A recovery hint for the caller, in English.
     *
     * @return the hint
     */
    public String hint() {
        return hint;
    }
}
