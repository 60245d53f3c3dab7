package dev.cairn.agent.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.agent.host.HostFingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts a join request carries ({@code spec/enrollment.md} section 3): the host fingerprint, and
 * optionally the host name, operating system, architecture and agent version, each 1 to 128
 * printable ASCII characters. Every member is sent; an absent one as {@code null}.
 *
 * @param host the host fingerprint ({@code spec/agent.md}, "Host binding")
 * @param hostname the host name, if known
 * @param os the operating system
 * @param arch the architecture
 * @param agentVersion this agent's version
 */
public record NodeFacts(
        HostFingerprint host,
        Optional<String> hostname,
        Optional<String> os,
        Optional<String> arch,
        Optional<String> agentVersion) {
    /** Longest fact. */
    public static final int MAX_FACT = 128;

    /**
     * Checks the facts.
     *
     * @param host the fingerprint
     * @param hostname the host name
     * @param os the operating system
     * @param arch the architecture
     * @param agentVersion the version
     * @throws IllegalArgumentException if a fact is empty, too long or not printable ASCII
     */
    public NodeFacts {
        Objects.requireNonNull(host, "host");
        for (Optional<String> fact : java.util.List.of(hostname, os, arch, agentVersion)) {
            fact.ifPresent(NodeFacts::check);
        }
    }

    /**
     * The facts of this machine: the fingerprint, and the host name, operating system, architecture and
     * version where they fit the rules (a fact that does not is left out rather than altered).
     *
     * @param host the host fingerprint
     * @param hostname the host name, if known
     * @param agentVersion this agent's version
     * @return the facts
     */
    public static NodeFacts of(HostFingerprint host, Optional<String> hostname, String agentVersion) {
        return new NodeFacts(
                host,
                hostname.filter(NodeFacts::fits),
                Optional.ofNullable(System.getProperty("os.name")).filter(NodeFacts::fits),
                Optional.ofNullable(System.getProperty("os.arch")).filter(NodeFacts::fits),
                Optional.of(agentVersion).filter(NodeFacts::fits));
    }

    private static boolean fits(String fact) {
        return !fact.isEmpty() && fact.length() <= MAX_FACT && fact.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static void check(String fact) {
        if (!fits(fact)) {
            throw new IllegalArgumentException("a fact must be 1 to " + MAX_FACT + " printable ASCII characters");
        }
    }

    void writeTo(ObjectNode node) {
        node.put("host_fingerprint", host.toString());
        node.put("hostname", hostname.orElse(null));
        node.put("os", os.orElse(null));
        node.put("arch", arch.orElse(null));
        node.put("agent_version", agentVersion.orElse(null));
    }
}
