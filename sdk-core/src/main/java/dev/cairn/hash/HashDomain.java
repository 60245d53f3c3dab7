package dev.cairn.hash;

import java.nio.charset.StandardCharsets;

/**
 * The registry of hash domains: one fixed, versioned tag per kind of object Cairn hashes.
 *
 * <p>The tag goes into every hash input (see {@link DomainHash}), so digests of two different kinds
 * can never be equal for any contents. Tags are ASCII, 1 to 255 bytes, of the form {@code
 * cairn/<kind>/v<version>}; a tag is never reused for another kind and a changed construction gets a
 * new version. The list is normative in {@code spec/hashing.md}.
 */
public enum HashDomain {
    /** Key identifier: the hash of a public key's canonical COSE_Key (see {@code spec/cose.md}). */
    KEY_ID("cairn/kid/v1"),
    /** A marker: the hash chain link and the MMR leaf (see {@code spec/marker-stream.md}). */
    MARKER("cairn/marker/v1"),
    /** A signed statement's payload, as a marker's payload digest (see {@code spec/receipts.md}). */
    STATEMENT("cairn/statement/v1"),
    /** A revocation entry: the link of a revocation chain (see {@code spec/revocation.md}). */
    REVOCATION("cairn/revocation/v1"),
    /** An audit bundle's trailer digest over its header and the range's head (see {@code spec/audit-bundle.md}). */
    AUDIT_BUNDLE("cairn/audit-bundle/v1"),
    /** A node's host fingerprint over its machine identifiers (see {@code spec/agent.md}, "Host binding"). */
    AGENT_HOST("cairn/agent-host/v1"),
    /** A file of the node agent's state directory, named by digest in its state (see {@code spec/agent.md}). */
    AGENT_STATE_FILE("cairn/agent-state-file/v1"),
    /**
     * The request hash of an enrollment statement: the canonical CBOR of the request's content, never a
     * secret (see {@code spec/enrollment.md}, "Audit").
     */
    ENROLL_REQUEST("cairn/enroll-request/v1");

    private final String tag;
    private final byte[] framedTag;

    HashDomain(String tag) {
        this.tag = tag;
        this.framedTag = frame(tag);
    }

    /**
     * The tag text.
     *
     * @return the ASCII tag, such as {@code cairn/kid/v1}
     */
    public String tag() {
        return tag;
    }

    byte[] framedTag() {
        return framedTag;
    }

    /** Length-prefixed tag: one byte of length, then the ASCII tag. Prefix-free across all tags. */
    static byte[] frame(String tag) {
        byte[] ascii = tag.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length == 0 || ascii.length > 255 || !tag.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("hash domain tag must be 1-255 printable ASCII bytes: " + tag);
        }
        byte[] framed = new byte[ascii.length + 1];
        framed[0] = (byte) ascii.length;
        System.arraycopy(ascii, 0, framed, 1, ascii.length);
        return framed;
    }
}
