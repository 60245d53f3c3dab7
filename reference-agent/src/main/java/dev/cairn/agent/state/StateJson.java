package dev.cairn.agent.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.agent.host.HostSource;
import dev.cairn.agent.json.JsonFields;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.pin.CaFingerprint;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code state.json}, the state document of a generation ({@code spec/agent.md}, "State document"):
 * the state's scalar fields, and each file it names with that file's digest.
 */
final class StateJson {
    static final String FILE = "state.json";
    static final String FORMAT = "cairn-agent-state/v1";
    static final int MAX_BYTES = 64 * 1024;

    /** Longest JSON string of the state file. */
    static final int MAX_STRING = 16 * 1024;

    /** How the state file is read: every refusal is {@link ErrorCode#AGENT_STATE_MALFORMED}, naming the file. */
    private static final JsonFields.Dialect JSON = new JsonFields.Dialect(
            JsonFields.mapper(MAX_STRING), "", (file, path, message, cause) -> Invalid.file(file, message, cause));

    static final String CHAIN_FILE = "chain.pem";
    static final String BUNDLE_FILE = "bundle.jwks";
    static final String HEAD_FILE = "revocation-head.cose";
    static final String CSR_FILE = "csr.pem";

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** Reads the files a document names, each checked against its digest. */
    interface Files {
        /**
         * The bytes of a file, checked against the digest.
         *
         * @param name the file name
         * @param digest the digest the document records
         * @return the bytes
         */
        byte[] bytes(String name, Digest digest);

        /**
         * The certificates of a PEM file, checked against the digest.
         *
         * @param name the file name
         * @param digest the digest the document records
         * @return the certificates in file order
         */
        List<X509Certificate> certificates(String name, Digest digest);
    }

    /** A decoded document. */
    record Decoded(long generation, AgentState state) {}

    private StateJson() {}

    /** The private key file of a key: {@code key-<kid hex>.pem} in the state directory. */
    static String keyFileName(VerificationKey key) {
        return "key-" + key.kid().toHex() + ".pem";
    }

    /** Renders the document; {@code digests} holds the file digest of every file the state names. */
    static byte[] encode(long generation, AgentState state, Map<String, Digest> digests) {
        ObjectNode root = JSON.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("generation", generation);
        root.put("phase", state.phase().wireName());
        Enrollment enrollment = state.enrollment();
        root.put("server_url", enrollment.serverUrl().toString());
        root.put("ca_fingerprint", enrollment.caPin().toString());
        enrollment.cluster().ifPresent(cluster -> root.put("cluster", cluster));
        enrollment.joinRequestId().ifPresent(id -> root.put("join_request_id", id));
        ObjectNode host = root.putObject("host");
        host.put("fingerprint", enrollment.host().toString());
        ArrayNode sources = host.putArray("sources");
        enrollment.host().sources().forEach(source -> sources.add(source.wireName()));
        state.nodeId().ifPresent(id -> root.put("node_id", id.uri()));
        if (state instanceof PendingState pending) {
            key(root, pending.nodeKey(), digests);
            pending.csr().ifPresent(c -> file(root, "csr", CSR_FILE, digests));
            pending.pollSecret()
                    .ifPresent(secret -> root.put(
                            "poll_secret",
                            Bytes.copyOf(secret.toByteArray(InsecureSecretKeyAccess.get()))
                                    .toBase64Url()));
            pending.trustBundle().ifPresent(b -> file(root, "trust_bundle", BUNDLE_FILE, digests));
            pending.revocationHead().ifPresent(h -> file(root, "revocation_head", HEAD_FILE, digests));
        } else if (state instanceof ActiveState active) {
            key(root, active.nodeKey(), digests);
            file(root, "certificate", CHAIN_FILE, digests);
            file(root, "trust_bundle", BUNDLE_FILE, digests);
            active.revocationHead().ifPresent(h -> file(root, "revocation_head", HEAD_FILE, digests));
            root.put("renew_at", active.renewAt().toString());
        } else if (state instanceof FencedState fenced) {
            ObjectNode fence = root.putObject("fence");
            fence.put("reason", fenced.reason().wireName());
            fence.put("at", fenced.fencedAt().toString());
            fence.put("detail", fenced.detail());
        }
        try {
            byte[] json = JSON.mapper().writer(PRETTY).writeValueAsBytes(root);
            byte[] out = new byte[json.length + 1];
            System.arraycopy(json, 0, out, 0, json.length);
            out[json.length] = '\n';
            if (out.length > MAX_BYTES) {
                throw new IllegalArgumentException("state document of " + out.length + " bytes");
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "state document rendering: " + e.getMessage(), e);
        }
    }

    private static void key(ObjectNode root, VerificationKey key, Map<String, Digest> digests) {
        ObjectNode node = root.putObject("key");
        String name = keyFileName(key);
        node.put("file", name);
        node.put("type", keyType(key.type()));
        node.put("public", key.encoded().toBase64Url());
        node.put("digest", FileDigest.text(digests.get(name)));
    }

    private static void file(ObjectNode root, String member, String name, Map<String, Digest> digests) {
        ObjectNode node = root.putObject(member);
        node.put("file", name);
        node.put("digest", FileDigest.text(digests.get(name)));
    }

    /**
     * Parses a document strictly and loads the files it names.
     *
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} for a document or file
     *     that breaks its format
     */
    static Decoded decode(byte[] json, Files files) {
        if (json.length > MAX_BYTES) {
            throw Invalid.file(FILE, json.length + " bytes, want at most " + MAX_BYTES, null);
        }
        try {
            return decodeFields(JsonFields.parse(json, FILE, JSON), files);
        } catch (MalformedInputException e) {
            throw e.code() == ErrorCode.AGENT_STATE_MALFORMED ? e : Invalid.file(FILE, e.getMessage(), e);
        }
    }

    private static Decoded decodeFields(JsonFields fields, Files files) {
        if (!FORMAT.equals(fields.text("format"))) {
            throw Invalid.file(FILE, "format must be " + FORMAT, null);
        }
        long generation = fields.integer("generation", Long.MIN_VALUE, Long.MAX_VALUE);
        if (generation < 1) {
            throw Invalid.file(FILE, "generation " + generation + ", want at least 1", null);
        }
        String phase = fields.text("phase");
        JsonFields host = fields.object("host");
        HostFingerprint fingerprint = HostFingerprint.parse(
                host.text("fingerprint"),
                host.texts("sources", HostSource.values().length).stream()
                        .map(HostSource::fromWireName)
                        .toList());
        host.end();
        Enrollment enrollment = new Enrollment(
                Enrollment.parseUrl(fields.text("server_url")),
                CaFingerprint.parse(fields.text("ca_fingerprint"), ErrorCode.AGENT_STATE_MALFORMED),
                fields.optionalText("cluster"),
                fields.optionalText("join_request_id"),
                fingerprint);
        Optional<CairnId> nodeId = fields.optionalText("node_id").map(CairnId::parse);
        AgentState state;
        if (phase.equals(Phase.PENDING.wireName())) {
            VerificationKey key = key(fields.object("key"), files);
            state = new PendingState(
                    enrollment,
                    key,
                    fields.optionalObject("csr").map(ref -> csr(ref, files, key)),
                    fields.optionalText("poll_secret").map(StateJson::pollSecret),
                    nodeId,
                    fields.optionalObject("trust_bundle").map(ref -> bundle(ref, files)),
                    fields.optionalObject("revocation_head").map(ref -> head(ref, files)));
        } else if (phase.equals(Phase.ACTIVE.wireName())) {
            state = new ActiveState(
                    enrollment,
                    key(fields.object("key"), files),
                    nodeId.orElseThrow(() -> Invalid.file(FILE, "an active state needs node_id", null)),
                    chain(fields.object("certificate"), files),
                    bundle(fields.object("trust_bundle"), files),
                    fields.optionalObject("revocation_head").map(ref -> head(ref, files)),
                    fields.exactInstant("renew_at"));
        } else if (phase.equals(Phase.FENCED.wireName())) {
            JsonFields fence = fields.object("fence");
            state = new FencedState(
                    enrollment,
                    nodeId,
                    fenceReason(fence.text("reason")),
                    fence.exactInstant("at"),
                    fence.text("detail"));
            fence.end();
        } else {
            throw Invalid.file(FILE, "phase " + phase + ", want pending, active or fenced", null);
        }
        fields.end();
        return new Decoded(generation, state);
    }

    private static VerificationKey key(JsonFields ref, Files files) {
        KeyType type = keyType(ref.text("type"));
        VerificationKey key;
        try {
            key = VerificationKey.fromEncoded(
                    type, Bytes.fromBase64Url(ref.text("public")).toByteArray());
        } catch (IllegalArgumentException e) {
            throw Invalid.file(FILE, "key.public is not unpadded base64url", e);
        }
        String name = ref.text("file");
        if (!name.equals(keyFileName(key))) {
            throw Invalid.file(FILE, "key.file " + name + ", want " + keyFileName(key), null);
        }
        files.bytes(name, FileDigest.parse(ref.text("digest"), FILE));
        ref.end();
        return key;
    }

    private static Csr csr(JsonFields ref, Files files, VerificationKey key) {
        byte[] pem = files.bytes(CSR_FILE, digest(ref, CSR_FILE));
        ref.end();
        return ContentFiles.csr(pem, key);
    }

    private static SecretBytes pollSecret(String text) {
        Bytes bytes;
        try {
            bytes = Bytes.fromBase64Url(text);
        } catch (IllegalArgumentException e) {
            throw Invalid.file(FILE, "poll_secret is not unpadded base64url", e);
        }
        if (bytes.length() != PendingState.POLL_SECRET_BYTES
                || !bytes.toBase64Url().equals(text)) {
            throw Invalid.file(
                    FILE,
                    "poll_secret must be " + PendingState.POLL_SECRET_BYTES + " bytes in unpadded base64url",
                    null);
        }
        return SecretBytes.copyOf(bytes.toByteArray(), InsecureSecretKeyAccess.get());
    }

    private static List<X509Certificate> chain(JsonFields ref, Files files) {
        List<X509Certificate> chain = files.certificates(CHAIN_FILE, digest(ref, CHAIN_FILE));
        ref.end();
        return chain;
    }

    private static TrustBundle bundle(JsonFields ref, Files files) {
        byte[] jwks = files.bytes(BUNDLE_FILE, digest(ref, BUNDLE_FILE));
        ref.end();
        return ContentFiles.bundle(jwks);
    }

    private static Bytes head(JsonFields ref, Files files) {
        byte[] head = files.bytes(HEAD_FILE, digest(ref, HEAD_FILE));
        ref.end();
        return ContentFiles.head(head);
    }

    private static Digest digest(JsonFields ref, String name) {
        String file = ref.text("file");
        if (!file.equals(name)) {
            throw Invalid.file(FILE, "file " + file + ", want " + name, null);
        }
        return FileDigest.parse(ref.text("digest"), FILE);
    }

    private static String keyType(KeyType type) {
        return switch (type) {
            case ED25519 -> "ed25519";
            case P256 -> "p256";
        };
    }

    private static KeyType keyType(String name) {
        return switch (name) {
            case "ed25519" -> KeyType.ED25519;
            case "p256" -> KeyType.P256;
            default -> throw Invalid.file(FILE, "key.type " + name + ", want ed25519 or p256", null);
        };
    }

    private static FenceReason fenceReason(String name) {
        for (FenceReason reason : FenceReason.values()) {
            if (reason.wireName().equals(name)) {
                return reason;
            }
        }
        throw Invalid.file(FILE, "fence.reason " + name + ", want revoked, stale_trust or rejected", null);
    }
}
