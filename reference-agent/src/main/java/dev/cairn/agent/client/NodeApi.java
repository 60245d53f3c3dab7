package dev.cairn.agent.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.trust.bundle.TrustBundleState;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The calls the agent makes ({@code spec/enrollment.md}, {@code spec/revocation.md}, {@code
 * spec/trust-bundle.md}), each with its path, body and answer decoder. Every answer is decoded
 * strictly within its limit; a refusal comes back as {@link Answer.Refused}; a failure to reach or
 * trust the server is an exception ({@link AgentHttp}).
 */
public final class NodeApi {
    private final AgentHttp http;

    /**
     * Calls over a client.
     *
     * @param http the client
     */
    public NodeApi(AgentHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code POST /v1/enroll/join-requests}.
     *
     * @param request the join request
     * @param access the explicit token for sending the join token
     * @return the server's acceptance
     */
    public Answer<JoinAccepted> submit(JoinRequest request, InsecureSecretKeyAccess access) {
        return map(http.postJson("/v1/enroll/join-requests", request.toJson(access), 4096), JoinAccepted::parse);
    }

    /**
     * {@code GET /v1/enroll/join-requests/{id}} with {@code Authorization: Cairn-Poll <secret>}.
     *
     * @param requestId the join request
     * @param secret its poll secret
     * @param access the explicit token for sending the poll secret
     * @return the request's status
     */
    public Answer<PollAnswer> poll(String requestId, SecretBytes secret, InsecureSecretKeyAccess access) {
        if (!Wire.REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("join request id " + requestId);
        }
        String header = "Cairn-Poll " + Bytes.copyOf(secret.toByteArray(access)).toBase64Url();
        return map(
                http.get("/v1/enroll/join-requests/" + requestId, Map.of("Authorization", header), Wire.MAX_JSON_BYTES),
                body -> PollAnswer.parse(body, requestId));
    }

    /**
     * {@code POST /v1/node/heartbeat} (mTLS).
     *
     * @param heartbeat the report
     * @return the server's acknowledgement
     */
    public Answer<HeartbeatAck> heartbeat(Heartbeat heartbeat) {
        return map(http.postJson("/v1/node/heartbeat", heartbeat.toJson(), 4096), HeartbeatAck::parse);
    }

    /**
     * {@code POST /v1/node/renew} (mTLS) with a new CSR.
     *
     * @param csr the request, for a new key or the same one
     * @return the new certificate
     */
    public Answer<NodeCertificate> renew(Csr csr) {
        ObjectNode body = Wire.JSON.mapper().createObjectNode();
        body.put("csr", Base64.getEncoder().encodeToString(csr.der().toByteArray()));
        return map(http.postJson("/v1/node/renew", Wire.render(body), Wire.MAX_JSON_BYTES), NodeCertificate::parse);
    }

    /**
     * {@code GET /v1/trust/revocation/head}: the newest signed revocation head, unverified.
     *
     * @return the COSE_Sign1 bytes
     */
    public Answer<Bytes> revocationHead() {
        return map(
                http.get("/v1/trust/revocation/head", Map.of(), RevocationHeadVerifier.MAX_SIGNED_BYTES),
                Bytes::copyOf);
    }

    /**
     * {@code GET /v1/trust/revocation/entries?from=&to=}: consecutive entries of the chain.
     *
     * @param from the first index
     * @param to one past the last index, at most {@link RevocationEntries#MAX_ENTRIES} after {@code from}
     * @return the entries {@code from} to {@code to - 1}
     */
    public Answer<List<RevocationEntry>> revocationEntries(long from, long to) {
        if (from < 0 || to < from || to - from > RevocationEntries.MAX_ENTRIES) {
            throw new IllegalArgumentException("range " + from + ".." + to);
        }
        return map(
                http.get(
                        "/v1/trust/revocation/entries?from=" + from + "&to=" + to,
                        Map.of(),
                        RevocationEntries.MAX_ENCODED_BYTES),
                body -> {
                    List<RevocationEntry> entries = RevocationEntries.decode(body);
                    if (entries.size() != to - from
                            || (!entries.isEmpty() && entries.get(0).index() != from)) {
                        throw Wire.malformed(
                                "revocation entries",
                                "$",
                                entries.size() + " entries, want " + (to - from) + " from index " + from);
                    }
                    return entries;
                });
    }

    /**
     * {@code GET /v1/trust/bundle.cose}: the trust bundle signed by a CA key of the bundle before it.
     *
     * @return the COSE_Sign1 bytes, unverified
     */
    public Answer<Bytes> signedBundle() {
        return map(http.get("/v1/trust/bundle.cose", Map.of(), TrustBundleState.MAX_SIGNED_BYTES), Bytes::copyOf);
    }

    private static <T> Answer<T> map(Answer<byte[]> answer, Function<byte[], T> decode) {
        if (answer instanceof Answer.Refused<byte[]> refused) {
            return new Answer.Refused<>(refused.error());
        }
        return new Answer.Ok<>(decode.apply(((Answer.Ok<byte[]>) answer).value()));
    }
}
