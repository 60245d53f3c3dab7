package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;

/** How answers are printed with {@code --json}: the server's JSON, indented. */
final class Output {
    private Output() {}

    static String json(JsonNode node) {
        try {
            return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "JSON output: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
