package dev.cairn.agent.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.trust.csr.Csr;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /v1/enroll/join-requests} ({@code spec/enrollment.md} section 3): {@code
 * {"token", "csr", "facts", "capabilities"}}, the CSR's DER in standard padded base64.
 *
 * @param token the join token
 * @param csr the PKCS#10 request
 * @param facts the node's facts
 * @param capabilities the capabilities, checked and sorted ({@link Capabilities#of})
 */
public record JoinRequest(JoinToken token, Csr csr, NodeFacts facts, List<String> capabilities) {
    /**
     * Checks the members.
     *
     * @param token the token
     * @param csr the CSR
     * @param facts the facts
     * @param capabilities the capabilities
     */
    public JoinRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(facts, "facts");
        capabilities = Capabilities.of(capabilities);
    }

    /**
     * The JSON body.
     *
     * @param access the explicit token for writing the join token into it
     * @return UTF-8 JSON
     */
    public byte[] toJson(InsecureSecretKeyAccess access) {
        ObjectNode root = Wire.JSON.mapper().createObjectNode();
        root.put("token", token.reveal(access));
        root.put("csr", Base64.getEncoder().encodeToString(csr.der().toByteArray()));
        facts.writeTo(root.putObject("facts"));
        ArrayNode names = root.putArray("capabilities");
        capabilities.forEach(names::add);
        return Wire.render(root);
    }

    @Override
    public String toString() {
        return "JoinRequest[token=(secret), facts=" + facts + ", capabilities=" + capabilities + "]";
    }
}
