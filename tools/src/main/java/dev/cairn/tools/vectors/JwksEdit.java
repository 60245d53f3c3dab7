package dev.cairn.tools.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Edits of a canonical trust bundle JWKS for the negative bundle vectors: the JWKS is read, changed,
 * and written back in the canonical form (members sorted, no whitespace), so that the one change is
 * the only thing wrong with it unless the change is to the form itself.
 */
final class JwksEdit {
    private JwksEdit() {}

    /**
     * Changes a canonical JWKS.
     *
     * @param jwks the canonical JWKS text
     * @param change what to do to its top-level object
     * @return the changed JWKS, canonical
     * @throws IllegalStateException if the text does not round-trip unchanged
     */
    static String edit(String jwks, Consumer<ObjectNode> change) {
        ObjectNode top = (ObjectNode) VectorJson.parse(jwks.getBytes(StandardCharsets.US_ASCII));
        if (!canonical(top).equals(jwks)) {
            throw new IllegalStateException("the JWKS does not round-trip through the vector JSON writer");
        }
        change.accept(top);
        return canonical(top);
    }

    /** The JWK at an index of {@code keys}. */
    static ObjectNode key(ObjectNode top, int index) {
        return (ObjectNode) top.get("keys").get(index);
    }

    /** Swaps one member between the first two JWKs. */
    static void swap(ObjectNode top, String member) {
        JsonNode first = key(top, 0).get(member);
        key(top, 0).set(member, key(top, 1).get(member));
        key(top, 1).set(member, first);
    }

    private static String canonical(JsonNode node) {
        try {
            return VectorJson.MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            ObjectNode out = VectorJson.object();
            new TreeSet<>(names).forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = VectorJson.MAPPER.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
