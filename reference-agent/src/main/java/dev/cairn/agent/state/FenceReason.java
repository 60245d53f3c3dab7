package dev.cairn.agent.state;

/** Why an identity was fenced ({@code spec/agent.md}, "Fencing"). */
public enum FenceReason {
    /** The certificate was revoked, or the server withdrew the node. Exit code 10. */
    REVOKED("revoked"),
    /** The trust state held (bundle, revocation head) was too stale for the agent's safety tier. Exit code 11. */
    STALE_TRUST("stale_trust"),
    /** The join request was refused or expired before approval. Exit code 16. */
    REJECTED("rejected");

    private final String wireName;

    FenceReason(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name in {@code state.json} and in error details.
     *
     * @return for example {@code stale_trust}
     */
    public String wireName() {
        return wireName;
    }
}
