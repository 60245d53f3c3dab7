package dev.cairn.server.enroll;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * A node's facts in a join request ({@code spec/enrollment.md} section 3).
 *
 * @param hostFingerprint {@code sha256:} and 64 lowercase hex digits (the agent's host binding)
 * @param hostname optional, 1 to 128 printable ASCII characters
 * @param os optional, likewise
 * @param arch optional, likewise
 * @param agentVersion optional, likewise
 */
public record Facts(
        String hostFingerprint,
        @JsonInclude(JsonInclude.Include.NON_NULL) String hostname,
        @JsonInclude(JsonInclude.Include.NON_NULL) String os,
        @JsonInclude(JsonInclude.Include.NON_NULL) String arch,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agentVersion) {
    /**
     * Checks every fact.
     *
     * @param hostFingerprint the fingerprint
     * @param hostname the host name or null
     * @param os the operating system or null
     * @param arch the architecture or null
     * @param agentVersion the agent's version or null
     * @throws MalformedInputException {@link ErrorCode#JOIN_REQUEST_MALFORMED}
     */
    public Facts {
        Rules.fingerprint(hostFingerprint, ErrorCode.JOIN_REQUEST_MALFORMED);
        Rules.optionalText("facts.hostname", hostname, ErrorCode.JOIN_REQUEST_MALFORMED);
        Rules.optionalText("facts.os", os, ErrorCode.JOIN_REQUEST_MALFORMED);
        Rules.optionalText("facts.arch", arch, ErrorCode.JOIN_REQUEST_MALFORMED);
        Rules.optionalText("facts.agent_version", agentVersion, ErrorCode.JOIN_REQUEST_MALFORMED);
    }

    /** The facts as the canonical map of the request hash: the present members, by wire name. */
    CborMap toCbor() {
        CborMap.Builder map = CborMap.builder().put("host_fingerprint", CborText.of(hostFingerprint));
        if (hostname != null) {
            map.put("hostname", CborText.of(hostname));
        }
        if (os != null) {
            map.put("os", CborText.of(os));
        }
        if (arch != null) {
            map.put("arch", CborText.of(arch));
        }
        if (agentVersion != null) {
            map.put("agent_version", CborText.of(agentVersion));
        }
        return map.build();
    }
}
