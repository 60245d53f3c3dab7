package dev.cairn.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.util.regex.Pattern;

/** Shared rules of the wire records. */
final class Wire {
    /** A join request id: {@code jr-} and 16 lowercase hex digits. */
    static final Pattern REQUEST_ID = Pattern.compile("jr-[0-9a-f]{16}");

    /** Largest JSON answer read: a certificate answer carries a chain and a whole trust bundle. */
    static final int MAX_JSON_BYTES = 512 * 1024;

    private Wire() {}

    static byte[] render(ObjectNode node) {
        try {
            return WireFields.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "request rendering: " + e.getMessage(), e);
        }
    }
}
