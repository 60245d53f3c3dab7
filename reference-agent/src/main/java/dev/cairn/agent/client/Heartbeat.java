package dev.cairn.agent.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.agent.host.HostFingerprint;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /v1/node/heartbeat} ({@code spec/enrollment.md} section 5): {@code
 * {"host_fingerprint", "capabilities", "status", "bundle_sequence", "revocation_sequence"}}.
 *
 * @param host the host fingerprint now
 * @param capabilities the capabilities, checked and sorted
 * @param degraded whether to report {@code degraded} rather than {@code ok}
 * @param bundleSequence the sequence of the trust bundle held
 * @param revocationSequence the sequence of the revocation head held, -1 for none
 */
public record Heartbeat(
        HostFingerprint host,
        List<String> capabilities,
        boolean degraded,
        long bundleSequence,
        long revocationSequence) {
    /**
     * Checks the members.
     *
     * @param host the fingerprint
     * @param capabilities the capabilities
     * @param degraded the status
     * @param bundleSequence at least 0
     * @param revocationSequence at least -1
     */
    public Heartbeat {
        Objects.requireNonNull(host, "host");
        capabilities = Capabilities.of(capabilities);
        if (bundleSequence < 0 || revocationSequence < -1) {
            throw new IllegalArgumentException("want bundle sequence >= 0 and revocation sequence >= -1");
        }
    }

    /**
     * The JSON body.
     *
     * @return UTF-8 JSON
     */
    public byte[] toJson() {
        ObjectNode root = Wire.JSON.mapper().createObjectNode();
        root.put("host_fingerprint", host.toString());
        ArrayNode names = root.putArray("capabilities");
        capabilities.forEach(names::add);
        root.put("status", degraded ? "degraded" : "ok");
        root.put("bundle_sequence", bundleSequence);
        root.put("revocation_sequence", revocationSequence);
        return Wire.render(root);
    }
}
