package dev.cairn.agent;

/** This agent's version, as it reports it to the server in the join request's facts. */
public final class AgentVersion {
    /** The version. */
    public static final String VERSION = "cairn-agent/0.1.0";

    private AgentVersion() {}
}
