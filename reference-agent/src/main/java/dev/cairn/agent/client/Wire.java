package dev.cairn.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.agent.json.JsonFields;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared rules of the wire records. */
final class Wire {
    /** A join request id: {@code jr-} and 16 lowercase hex digits. */
    static final Pattern REQUEST_ID = Pattern.compile("jr-[0-9a-f]{16}");

    /** Largest JSON answer read: a certificate answer carries a chain and a whole trust bundle. */
    static final int MAX_JSON_BYTES = 512 * 1024;

    /** Longest JSON string of an answer read. */
    static final int MAX_STRING = 320 * 1024;

    /**
     * How answers are read ({@link JsonFields}): every refusal is {@link
     * ErrorCode#AGENT_SERVER_ANSWER_MALFORMED} with the member's path ({@code $.a.b}) in the details.
     */
    static final JsonFields.Dialect JSON = new JsonFields.Dialect(
            JsonFields.mapper(MAX_STRING), "$", (what, path, message, cause) -> malformed(what, path, message));

    private Wire() {}

    /** Parses an answer that must hold exactly one JSON object. */
    static JsonFields parse(byte[] json, String what) {
        return JsonFields.parse(json, what, JSON);
    }

    /** A malformed answer: {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED}, with the path in the details. */
    static MalformedInputException malformed(String what, String path, String message) {
        return new MalformedInputException(
                ErrorCode.AGENT_SERVER_ANSWER_MALFORMED, what + ": " + message, -1, Map.of("path", path), null);
    }

    static byte[] render(ObjectNode node) {
        try {
            return JSON.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "request rendering: " + e.getMessage(), e);
        }
    }
}
