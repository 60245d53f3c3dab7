package dev.cairn.agent.state;

/** Where an agent identity is in its lifecycle ({@code spec/agent.md}, "Lifecycle"). */
public enum Phase {
    /** A key and CSR exist and the join request is submitted; approval is awaited. */
    PENDING("pending"),
    /** The certificate is stored; the agent may use its identity. */
    ACTIVE("active"),
    /** The identity is withdrawn, for good: its key is destroyed and never used again. */
    FENCED("fenced");

    private final String wireName;

    Phase(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name in {@code state.json}.
     *
     * @return {@code pending}, {@code active} or {@code fenced}
     */
    public String wireName() {
        return wireName;
    }
}
