package dev.cairn.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.agent.state.AgentFixture;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's wire records: closed, strictly typed, bounded; anything else is a typed error. */
class WireRecordsTest {
    private static final String ID = "jr-0123456789abcdef";
    private static final String SECRET = Bytes.copyOf(new byte[32]).toBase64Url();
    private static final String ACCEPTED = "{\"request_id\":\"" + ID + "\",\"status\":\"pending\",\"poll_secret\":\""
            + SECRET + "\",\"poll_after_seconds\":5}";
    private static final String ACK = "{\"server_time\":\"2026-12-01T12:00:00.123Z\",\"bundle_sequence\":1,"
            + "\"revocation_sequence\":-1,\"renew_after\":\"2026-12-01T18:00:00Z\"}";
    private static final String ERROR = "{\"error\":{\"code\":\"JOIN_TOKEN_EXPIRED\",\"family\":\"REJECTED\","
            + "\"message\":\"got 2026, want before\",\"retryable\":false,\"hint\":\"Ask for a new token.\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"details\":{\"expected\":\"a\",\"found\":\"b\"}}}";

    @TempDir
    Path tmp;

    private ClientFixture pki;
    private List<X509Certificate> nodeChain;
    private String approved;

    @BeforeEach
    void setUp() {
        pki = new ClientFixture(tmp.resolve("host"));
        SigningKey key = SigningKey.generate(KeyType.P256, pki.ca.random);
        nodeChain = pki.chain(key, AgentFixture.node("n-0123456789abcdef"), Profile.NODE_CLIENT);
        JsonNode answer = Wire.JSON
                .mapper()
                .createObjectNode()
                .put("request_id", ID)
                .put("status", "approved")
                .put("identity", AgentFixture.node("n-0123456789abcdef").uri())
                .put("serial", nodeChain.get(0).getSerialNumber().toString(16))
                .put("not_after", nodeChain.get(0).getNotAfter().toInstant().toString())
                .put("certificate_chain", PemCertificates.render(nodeChain))
                .put("trust_bundle", new String(TrustBundleJwks.render(pki.ca.bundle), StandardCharsets.US_ASCII));
        approved = answer.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void malformed(Runnable parse, String why) {
        CairnException e = assertThrows(CairnException.class, parse::run, why);
        assertEquals(ErrorCode.AGENT_SERVER_ANSWER_MALFORMED, e.code(), why + ": " + e.getMessage());
    }

    @Test
    void aJoinAnswerParsesAndEveryDeviationIsRefused() {
        JoinAccepted accepted = JoinAccepted.parse(utf8(ACCEPTED));
        assertEquals(ID, accepted.requestId());
        assertFalse(accepted.approved());
        assertEquals(Duration.ofSeconds(5), accepted.pollAfter());
        assertEquals(32, accepted.pollSecret().length());
        assertFalse(accepted.toString().contains(SECRET), "the poll secret is never shown");

        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("}", ",\"extra\":1}"))), "unknown member");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace(",\"poll_after_seconds\":5", ""))), "missing");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("5}", "null}"))), "null");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("5}", "5.0}"))), "float");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("5}", "\"5\"}"))), "string number");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("5}", "99999}"))), "out of range");
        malformed(
                () -> JoinAccepted.parse(utf8(ACCEPTED.replace("pending", "approved\",\"status\":\"pending"))), "dup");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace("pending", "denied"))), "status");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace(ID, "jr-0123"))), "request id");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace(SECRET, SECRET + "="))), "padded secret");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED.replace(SECRET, SECRET.substring(4)))), "short secret");
        malformed(() -> JoinAccepted.parse(utf8(ACCEPTED + "{}")), "trailing");
        malformed(() -> JoinAccepted.parse(utf8("[" + ACCEPTED + "]")), "array");
        malformed(() -> JoinAccepted.parse(new byte[] {(byte) 0xff, '{', '}'}), "not UTF-8");
    }

    @Test
    void pollAnswersAreClosedPerStatus() {
        assertEquals(
                new PollAnswer.Pending(Duration.ofSeconds(5)),
                PollAnswer.parse(
                        utf8("{\"request_id\":\"" + ID + "\",\"status\":\"pending\",\"poll_after_seconds\":5}"), ID));
        assertEquals(
                new PollAnswer.Denied("unknown machine"),
                PollAnswer.parse(
                        utf8("{\"request_id\":\"" + ID + "\",\"status\":\"denied\",\"reason\":\"unknown machine\"}"),
                        ID));
        PollAnswer.Approved ok = (PollAnswer.Approved) PollAnswer.parse(utf8(approved), ID);
        assertEquals(nodeChain, ok.certificate().chain());
        assertEquals(pki.ca.bundle, ok.certificate().trustBundle());
        assertEquals(AgentFixture.node("n-0123456789abcdef"), ok.certificate().identity());

        malformed(() -> PollAnswer.parse(utf8(approved), "jr-fedcba9876543210"), "another request");
        malformed(
                () -> PollAnswer.parse(
                        utf8("{\"request_id\":\"" + ID
                                + "\",\"status\":\"pending\",\"poll_after_seconds\":5,\"reason\":\"x\"}"),
                        ID),
                "a member of another status");
        malformed(
                () -> PollAnswer.parse(utf8(approved.replace("\"status\":\"approved\"", "\"status\":\"pending\"")), ID),
                "certificate members under pending");
        malformed(() -> PollAnswer.parse(utf8(approved.replace("cairn://", "CAIRN://")), ID), "identity");
        malformed(
                () -> PollAnswer.parse(
                        utf8(approved.replace("-----END CERTIFICATE-----\\n", "-----END CERTIFICATE-----\\n\\n")), ID),
                "non-canonical PEM");
        malformed(
                () -> PollAnswer.parse(utf8(approved.replace("cairn_version\\\":1", "cairn_version\\\":2")), ID),
                "bad bundle");
        String serial = nodeChain.get(0).getSerialNumber().toString(16);
        malformed(
                () -> PollAnswer.parse(utf8(approved.replace("\"" + serial + "\"", "\"0" + serial + "\"")), ID),
                "serial with a leading zero");
    }

    @Test
    void heartbeatAnswersAndErrorBodiesAreStrict() {
        HeartbeatAck ack = HeartbeatAck.parse(utf8(ACK));
        assertEquals(1, ack.bundleSequence());
        assertEquals(-1, ack.revocationSequence());
        malformed(() -> HeartbeatAck.parse(utf8(ACK.replace("-1", "-2"))), "sequence below -1");
        malformed(() -> HeartbeatAck.parse(utf8(ACK.replace("2026-12-01T18:00:00Z", "tomorrow"))), "time");
        malformed(() -> HeartbeatAck.parse(utf8(ACK.replace("}", ",\"roles\":[]}"))), "unknown member");

        ApiError error = ApiError.parse(403, utf8(ERROR));
        assertEquals("JOIN_TOKEN_EXPIRED", error.code());
        assertEquals(ErrorFamily.REJECTED, error.family());
        assertFalse(error.retryable());
        assertEquals(Optional.empty(), error.retryAfter());
        assertEquals(ErrorCode.JOIN_TOKEN_EXPIRED, error.toException().code());
        assertEquals(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                error.toException().details().get("trace_id"));
        ApiError later =
                ApiError.parse(503, utf8(ERROR.replace("\"retryable\":false", "\"retryable\":true,\"retry_after\":5")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), later.retryAfter());
        assertTrue(later.retryable());
        ApiError unknown = ApiError.parse(403, utf8(ERROR.replace("JOIN_TOKEN_EXPIRED", "FUTURE_CODE")));
        assertEquals(ErrorCode.AGENT_SERVER_ERROR, unknown.toException().code());
        assertEquals("FUTURE_CODE", unknown.toException().details().get("server_code"));

        malformed(() -> ApiError.parse(500, utf8("<html>oops</html>")), "not JSON");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("REJECTED", "SOMETIMES"))), "family");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("JOIN_TOKEN_EXPIRED", "join"))), "code form");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("\"a\"", "1"))), "detail not a string");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("false", "\"false\""))), "retryable as a string");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("4bf92f", "XYZ92f"))), "trace id");
        malformed(
                () -> ApiError.parse(
                        403, utf8(ERROR.replace("\"retryable\":false", "\"retryable\":false,\"retry_after\":-1"))),
                "negative delay");
        malformed(() -> ApiError.parse(403, utf8(ERROR.replace("}}", "},\"more\":1}"))), "a member beside error");
    }

    @Test
    void requestsSendEveryMemberOptionalOnesAsNull() throws Exception {
        HostFingerprint host = pki.ca.hostFingerprint();
        SigningKey key = SigningKey.generate(KeyType.P256, pki.ca.random);
        JoinRequest request = new JoinRequest(
                JoinToken.parse("cjt_abc"),
                CsrBuilder.build(key, Optional.empty()),
                new NodeFacts(host, Optional.empty(), Optional.of("Linux"), Optional.empty(), Optional.of("v")),
                List.of("zeta", "alpha"));
        JsonNode json = Wire.JSON.mapper().readTree(request.toJson(AgentFixture.ACCESS));
        assertEquals("cjt_abc", json.path("token").asText());
        assertTrue(json.path("facts").has("hostname")
                && json.path("facts").path("hostname").isNull());
        assertEquals("[\"alpha\",\"zeta\"]", json.path("capabilities").toString(), "sorted");
        assertFalse(request.toString().contains("cjt_abc"), "the token is never shown");
        assertFalse(JoinToken.parse("cjt_abc").toString().contains("abc"));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.of(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.of(List.of("Upper")));

        JsonNode beat = Wire.JSON.mapper().readTree(new Heartbeat(host, List.of(), true, 1, -1).toJson());
        assertEquals("degraded", beat.path("status").asText());
        assertEquals(-1, beat.path("revocation_sequence").asLong());
        assertEquals(host.toString(), beat.path("host_fingerprint").asText());
    }

    @Test
    void arbitraryBytesDecodeOrFailTyped() {
        check(utf8(ACCEPTED), JoinAccepted::parse);
        check(utf8(ACK), HeartbeatAck::parse);
        check(utf8(ERROR), body -> ApiError.parse(400, body));
        check(utf8(approved), body -> PollAnswer.parse(body, ID));
        check(
                utf8(PemCertificates.render(nodeChain)),
                body -> PemCertificates.parse(new String(body, StandardCharsets.ISO_8859_1), "chain"));
    }

    private static void check(byte[] good, Function<byte[], Object> parse) {
        qt().withExamples(1500)
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
                        mutated = Arrays.copyOf(good, position);
                    } else {
                        mutated = new byte[position % 512];
                        new Random(value).nextBytes(mutated);
                    }
                    try {
                        parse.apply(mutated);
                    } catch (CairnException e) {
                        if (e.code() != ErrorCode.AGENT_SERVER_ANSWER_MALFORMED) {
                            fail("unexpected code " + e.code(), e);
                        }
                    } catch (RuntimeException e) {
                        fail("untyped failure", e);
                    }
                });
    }
}
