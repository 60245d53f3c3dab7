package dev.cairn.agent;

import dev.cairn.agent.state.FenceReason;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.util.Set;

/**
 * The exit codes of {@code cairn-agent} ({@code spec/agent.md}, "Exit codes"). Codes 10 and above mean
 * that starting again without an operator's action fails the same way: a service manager should not
 * restart the agent on them (systemd: {@code RestartPreventExitStatus=10 11 12 13 14 15 16 17 18}). An error
 * code without an exit code of its own exits 4 if it is retryable, 3 otherwise.
 */
public enum AgentExit {
    /** Done. */
    OK(0),
    /** The command line was wrong: unknown option, missing argument. */
    USAGE(2),
    /** The agent failed in a way its input does not explain; see the message. */
    INTERNAL(3),
    /** A failure that may pass: I/O, a lock held by another agent, a server out of reach. Restart later. */
    TEMPORARY(4),
    /** The identity is fenced because it was revoked or withdrawn; enroll again with a new join token. */
    FENCED_REVOKED(10),
    /** The identity is fenced because the trust state held went stale; enroll again with a new join token. */
    FENCED_STALE_TRUST(11),
    /** The state belongs to another machine, or this machine has no usable identifier. */
    HOST_MISMATCH(12),
    /** The local state is damaged, altered, open to others, or inconsistent (key, certificate, pin). */
    BAD_LOCAL_STATE(13),
    /** The certificate is expired, or not valid yet (check the clock). */
    CERTIFICATE_NOT_VALID(14),
    /** Nothing is enrolled in the state directory. */
    NOT_ENROLLED(15),
    /** The identity is fenced because its join request was refused or expired; enroll again. */
    FENCED_REJECTED(16),
    /**
     * The server could not be authenticated (its chain does not lead to the pinned CA, or it is not the
     * control plane), or what it returned is malformed, an unknown error code, or does not check out;
     * nothing was stored.
     */
    SERVER_UNTRUSTED(17),
    /**
     * The server refused the join request for good (join token, CSR), or the state directory holds
     * another enrollment: a new join token or another state directory is needed.
     */
    REFUSED(18);

    private static final Set<ErrorCode> UNTRUSTED = Set.of(
            ErrorCode.AGENT_SERVER_UNTRUSTED,
            ErrorCode.AGENT_SERVER_ANSWER_INVALID,
            ErrorCode.AGENT_SERVER_ANSWER_MALFORMED,
            ErrorCode.AGENT_SERVER_ERROR);

    private static final Set<ErrorCode> REFUSALS = Set.of(
            ErrorCode.AGENT_ENROLLMENT_CONFLICT,
            ErrorCode.JOIN_TOKEN_INVALID,
            ErrorCode.JOIN_TOKEN_EXPIRED,
            ErrorCode.JOIN_TOKEN_EXHAUSTED,
            ErrorCode.JOIN_TOKEN_REVOKED,
            ErrorCode.JOIN_REQUEST_MALFORMED,
            ErrorCode.CSR_MALFORMED,
            ErrorCode.CSR_KEY_NOT_ALLOWED,
            ErrorCode.CSR_BAD_SIGNATURE,
            ErrorCode.CSR_EXTENSION_NOT_ALLOWED,
            ErrorCode.CSR_NAMES_NOT_ALLOWED);

    private static final Set<ErrorCode> LOCAL_STATE = Set.of(
            ErrorCode.AGENT_STATE_MALFORMED,
            ErrorCode.AGENT_STATE_INCOMPLETE,
            ErrorCode.AGENT_STATE_DIGEST_MISMATCH,
            ErrorCode.AGENT_STATE_PERMISSIONS,
            ErrorCode.AGENT_STATE_TRANSITION,
            ErrorCode.AGENT_KEY_MISMATCH,
            ErrorCode.AGENT_CERT_IDENTITY_MISMATCH,
            ErrorCode.AGENT_CERT_UNTRUSTED,
            ErrorCode.AGENT_TRUST_PIN_MISMATCH,
            ErrorCode.KEYFILE_MALFORMED,
            ErrorCode.KEYFILE_PERMISSIONS,
            ErrorCode.KEYFILE_KEY_UNSUPPORTED);

    private final int code;

    AgentExit(int code) {
        this.code = code;
    }

    /**
     * The process exit status.
     *
     * @return the status
     */
    public int code() {
        return code;
    }

    /**
     * The exit code for an error.
     *
     * @param error the error that ended the command
     * @return the exit code
     */
    public static AgentExit of(CairnException error) {
        ErrorCode code = error.code();
        if (code == ErrorCode.AGENT_FENCED) {
            String reason = error.details().getOrDefault("reason", "");
            if (reason.equals(FenceReason.STALE_TRUST.wireName())) {
                return FENCED_STALE_TRUST;
            }
            return reason.equals(FenceReason.REJECTED.wireName()) ? FENCED_REJECTED : FENCED_REVOKED;
        }
        if (code == ErrorCode.AGENT_HOST_MISMATCH
                || code == ErrorCode.AGENT_HOST_ID_UNAVAILABLE
                || code == ErrorCode.AGENT_HOST_ID_MALFORMED
                || code == ErrorCode.NODE_HOST_MISMATCH) {
            return HOST_MISMATCH;
        }
        if (UNTRUSTED.contains(code)) {
            return SERVER_UNTRUSTED;
        }
        if (REFUSALS.contains(code)) {
            return REFUSED;
        }
        if (LOCAL_STATE.contains(code)) {
            return BAD_LOCAL_STATE;
        }
        if (code == ErrorCode.AGENT_CERT_EXPIRED
                || code == ErrorCode.AGENT_CERT_NOT_YET_VALID
                || code == ErrorCode.CERT_EXPIRED
                || code == ErrorCode.CERT_NOT_YET_VALID) {
            return CERTIFICATE_NOT_VALID;
        }
        if (code == ErrorCode.AGENT_NOT_ENROLLED) {
            return NOT_ENROLLED;
        }
        if (code == ErrorCode.INTERNAL_STORE_LOCKED || code.retryable()) {
            return TEMPORARY;
        }
        return INTERNAL;
    }
}
