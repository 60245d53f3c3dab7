package dev.cairn.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentExitTest {
    private static AgentExit exit(ErrorCode code) {
        return switch (code.family()) {
            case MALFORMED_INPUT -> AgentExit.of(new MalformedInputException(code, "x"));
            case REJECTED -> AgentExit.of(new VerificationException(code, "x"));
            case INTERNAL -> AgentExit.of(new InternalException(code, "x", null));
        };
    }

    @Test
    void exitCodesAreDistinct() {
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(AgentExit.values()).forEach(exit -> assertTrue(seen.add(exit.code()), exit.name()));
    }

    @Test
    void everyAgentCodeHasItsOwnExitCodeOrIsTemporary() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().startsWith("AGENT_")) {
                AgentExit exit = exit(code);
                if (code.retryable()) {
                    assertTrue(exit == AgentExit.TEMPORARY || exit.code() >= 10, code + " exits " + exit);
                } else {
                    assertTrue(exit.code() >= 10, code + " exits " + exit);
                }
            }
        }
    }

    @Test
    void serverAnswersExitByWhatTheyMean() {
        assertEquals(AgentExit.SERVER_UNTRUSTED, exit(ErrorCode.AGENT_SERVER_UNTRUSTED));
        assertEquals(AgentExit.SERVER_UNTRUSTED, exit(ErrorCode.AGENT_SERVER_ANSWER_INVALID));
        assertEquals(AgentExit.REFUSED, exit(ErrorCode.JOIN_TOKEN_EXHAUSTED));
        assertEquals(AgentExit.REFUSED, exit(ErrorCode.CSR_KEY_NOT_ALLOWED));
        assertEquals(AgentExit.REFUSED, exit(ErrorCode.AGENT_ENROLLMENT_CONFLICT));
        assertEquals(AgentExit.HOST_MISMATCH, exit(ErrorCode.NODE_HOST_MISMATCH));
        assertEquals(AgentExit.CERTIFICATE_NOT_VALID, exit(ErrorCode.CERT_EXPIRED));
        assertEquals(AgentExit.TEMPORARY, exit(ErrorCode.AGENT_SERVER_UNREACHABLE));
        assertEquals(AgentExit.TEMPORARY, exit(ErrorCode.AGENT_ENROLL_TIMEOUT));
        assertEquals(AgentExit.TEMPORARY, exit(ErrorCode.HTTP_UNAVAILABLE));
    }

    @Test
    void fencedExitsByReason() {
        assertEquals(AgentExit.FENCED_REVOKED, AgentExit.of(fenced("revoked")));
        assertEquals(AgentExit.FENCED_STALE_TRUST, AgentExit.of(fenced("stale_trust")));
        assertEquals(AgentExit.FENCED_REJECTED, AgentExit.of(fenced("rejected")));
    }

    private static VerificationException fenced(String reason) {
        return new VerificationException(ErrorCode.AGENT_FENCED, "fenced", Map.of("reason", reason), null);
    }

    @Test
    void otherCodesExitTemporaryOrInternal() {
        assertEquals(AgentExit.TEMPORARY, exit(ErrorCode.INTERNAL_IO));
        assertEquals(AgentExit.TEMPORARY, exit(ErrorCode.INTERNAL_STORE_LOCKED));
        assertEquals(AgentExit.INTERNAL, exit(ErrorCode.INTERNAL_BUG));
        assertEquals(AgentExit.INTERNAL, exit(ErrorCode.COSE_BAD_SIGNATURE));
        assertEquals(AgentExit.BAD_LOCAL_STATE, exit(ErrorCode.KEYFILE_PERMISSIONS));
        assertNotEquals(AgentExit.TEMPORARY, exit(ErrorCode.AGENT_CERT_NOT_YET_VALID));
    }
}
