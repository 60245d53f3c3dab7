package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state.json and CURRENT decode strictly: a value or a typed AGENT_STATE_MALFORMED, nothing else. */
class StateJsonTest {
    @TempDir
    Path tmp;

    private AgentFixture fixture;
    private ActiveState active;
    private FencedState fenced;
    private Map<String, byte[]> files;
    private Map<String, Digest> digests;

    /** Files served from memory, digest-checked like the directory does. */
    private final StateJson.Files loader = new StateJson.Files() {
        @Override
        public byte[] bytes(String name, Digest digest) {
            byte[] content = files.get(name);
            if (content == null) {
                throw new MalformedInputException(ErrorCode.AGENT_STATE_MALFORMED, "no file " + name);
            }
            FileDigest.check(name, content, digest);
            return content;
        }

        @Override
        public List<X509Certificate> certificates(String name, Digest digest) {
            bytes(name, digest);
            return active.chain();
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AgentFixture(tmp.resolve("host"));
        SigningKey key = SigningKey.generate(fixture.type, fixture.random);
        active = fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1"));
        fenced =
                FencedState.of(active, FenceReason.STALE_TRUST, Instant.parse("2026-12-02T00:00:00Z"), "bundle 2d old");
        files = new HashMap<>(ContentFiles.of(active));
        files.put(StateJson.keyFileName(key.verificationKey()), "key bytes".getBytes(StandardCharsets.US_ASCII));
        digests = new HashMap<>();
        files.forEach((name, content) -> digests.put(name, FileDigest.of(content)));
    }

    private String json(AgentState state) {
        return new String(StateJson.encode(7, state, digests), StandardCharsets.UTF_8);
    }

    private AgentState decode(String json) {
        StateJson.Decoded decoded = StateJson.decode(json.getBytes(StandardCharsets.UTF_8), loader);
        assertEquals(7, decoded.generation());
        return decoded.state();
    }

    private void assertMalformed(String json, String why) {
        CairnException e = assertThrows(CairnException.class, () -> decode(json), why);
        assertEquals(ErrorCode.AGENT_STATE_MALFORMED, e.code(), why + ": " + e.getMessage());
    }

    @Test
    void eachPhaseRoundTrips() {
        assertEquals(active, decode(json(active)));
        assertEquals(fenced, decode(json(fenced)));
        PendingState pending =
                PendingState.of(active.enrollment(), active.nodeKey(), Optional.of(fixture.pollSecret()));
        assertEquals(pending, decode(json(pending)));
    }

    @Test
    void unknownDuplicateMisplacedAndMistypedMembersAreRefused() {
        String good = json(active);
        assertMalformed(good.replaceFirst("\\{", "{\"extra\": 1,"), "unknown member");
        assertMalformed(good.replaceFirst("\\{", "{\"cluster\": \"c1\","), "duplicate member");
        assertMalformed(good.replace("\"generation\" : 7", "\"generation\" : 7.0"), "float generation");
        assertMalformed(good.replace("\"generation\" : 7", "\"generation\" : \"7\""), "string generation");
        assertMalformed(good.replace("\"generation\" : 7", "\"generation\" : 0"), "generation 0");
        assertMalformed(good.replace("\"generation\" : 7", "\"generation\" : 99999999999999999999"), "huge generation");
        assertMalformed(good.replace("\"cluster\" : \"c1\"", "\"cluster\" : null"), "null member");
        assertMalformed(good.replace("\"cluster\" : \"c1\"", "\"cluster\" : \"C1\""), "bad cluster");
        assertMalformed(
                good.replace("\"phase\" : \"active\"", "\"phase\" : \"pending\""), "active members under pending");
        assertMalformed(good.replace("\"phase\" : \"active\"", "\"phase\" : \"Active\""), "unknown phase");
        assertMalformed(good.replace("cairn-agent-state/v1", "cairn-agent-state/v2"), "format");
        assertMalformed(good.replace("https://", "http://"), "plain http");
        assertMalformed(good.replace("\"ed25519\"", "\"rsa\""), "key type");
        assertMalformed(good.replace("\"machine-id\"", "\"machine-id\", \"machine-id\""), "repeated host source");
        assertMalformed(good.replace("\"machine-id\"", "1"), "host source type");
        assertMalformed(good.replace("\"chain.pem\"", "\"../chain.pem\""), "file name");
        assertMalformed(good.replaceFirst("(\"renew_at\" : \"[^\"]*)Z\"", "$1+00:00\""), "instant spelling");
        assertMalformed(good.replace("\"machine-id\"", "\"hostname\""), "host source");
        assertMalformed(
                good.replace(
                        "\"node_id\" : \"cairn://agent.example/cluster/c1/node/n-1\"",
                        "\"node_id\" : \"cairn://agent.example/cluster/c2/node/n-1\""),
                "node of another cluster");
        assertMalformed(good + "{}", "trailing value");
        assertMalformed("[" + good + "]", "array at the top");
        assertMalformed("{".repeat(20) + "}".repeat(20), "deep nesting");
        assertMalformed("", "empty");
        assertMalformed(good.replace("\"c1\"", "\"" + "c".repeat(70_000) + "\""), "too large");
        String fencedJson = json(fenced);
        assertMalformed(
                fencedJson.replaceFirst("\\{", "{\"renew_at\": \"2026-12-01T00:00:00Z\","),
                "active member under fenced");
        assertMalformed(fencedJson.replace("\"stale_trust\"", "\"bored\""), "fence reason");
        assertMalformed(
                json(PendingState.of(active.enrollment(), active.nodeKey(), Optional.of(fixture.pollSecret())))
                        .replace("\"pending\"", "\"active\""),
                "active without certificate");
    }

    @Test
    void arbitraryMutationsDecodeOrFailTyped() {
        byte[] good = StateJson.encode(7, active, digests);
        qt().withExamples(2000)
                .forAll(
                        integers().between(0, good.length - 1),
                        integers().between(1, 255),
                        integers().between(0, 2))
                .checkAssert((position, value, kind) -> {
                    byte[] mutated;
                    if (kind == 0) {
                        mutated = good.clone();
                        mutated[position] ^= value.byteValue();
                    } else if (kind == 1) {
                        mutated = java.util.Arrays.copyOf(good, position);
                    } else {
                        mutated = new byte[position];
                        new Random(value).nextBytes(mutated);
                    }
                    try {
                        StateJson.decode(mutated, loader);
                    } catch (CairnException e) {
                        if (e.code() != ErrorCode.AGENT_STATE_MALFORMED
                                && e.code() != ErrorCode.AGENT_STATE_DIGEST_MISMATCH) {
                            fail("unexpected code " + e.code(), e);
                        }
                    } catch (RuntimeException e) {
                        fail("untyped failure", e);
                    }
                });
    }

    @Test
    void thePointerIsOneStrictLine() {
        Digest digest = FileDigest.of(new byte[] {1});
        Pointer pointer = new Pointer(42, digest);
        byte[] encoded = pointer.encode();
        assertEquals(
                "cairn-agent-state/v1 gen-42 sha256:" + digest.toHex() + "\n",
                new String(encoded, StandardCharsets.US_ASCII));
        assertEquals(pointer, Pointer.parse(encoded));
        String line = new String(encoded, StandardCharsets.US_ASCII);
        for (String bad : new String[] {
            line.trim(),
            line + "\n",
            line.replace("gen-42", "gen-042"),
            line.replace("gen-42", "gen-0"),
            line.replace("sha256:", "SHA256:"),
            line.replace(" ", "  "),
            line.replace("\n", "\r\n"),
            line.toUpperCase(),
            line.replace("/v1", "/v2"),
            "",
            line.replace("gen-42", "gen-" + "9".repeat(19))
        }) {
            CairnException e = assertThrows(
                    CairnException.class, () -> Pointer.parse(bad.getBytes(StandardCharsets.ISO_8859_1)), bad);
            assertEquals(ErrorCode.AGENT_STATE_MALFORMED, e.code());
        }
        qt().withExamples(1000)
                .forAll(integers().between(0, encoded.length - 1), integers().between(1, 255))
                .checkAssert((position, value) -> {
                    byte[] mutated = encoded.clone();
                    mutated[position] ^= value.byteValue();
                    try {
                        Pointer parsed = Pointer.parse(mutated);
                        if (parsed.equals(pointer)) {
                            fail("a changed pointer parsed as the original");
                        }
                    } catch (CairnException e) {
                        assertEquals(ErrorCode.AGENT_STATE_MALFORMED, e.code());
                    }
                });
    }

    @Test
    void theKeyFileNameFollowsTheKid() {
        SigningKey key = SigningKey.generate(fixture.type, fixture.random);
        assertEquals(
                "key-" + key.verificationKey().kid().toHex() + ".pem", StateJson.keyFileName(key.verificationKey()));
        assertEquals(ACCESS, AgentFixture.ACCESS);
    }
}
