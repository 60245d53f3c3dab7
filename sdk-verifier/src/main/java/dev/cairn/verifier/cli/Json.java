package dev.cairn.verifier.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The command line's one Jackson mapper, created on first use only (start-up stays small for
 * commands that print no JSON). Parsing refuses duplicate object members.
 */
final class Json {
    private Json() {}

    /** Holder idiom: the mapper is built when {@link #mapper()} is first called. */
    private static final class Holder {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    }

    /**
     * The mapper.
     *
     * @return the shared mapper
     */
    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * The factory of strict streaming parsers.
     *
     * @return the shared factory
     */
    static JsonFactory factory() {
        return Holder.FACTORY;
    }

    /**
     * A new empty object.
     *
     * @return the object
     */
    static ObjectNode object() {
        return mapper().createObjectNode();
    }

    /**
     * Renders an object on one line.
     *
     * @param node the object
     * @return compact JSON text
     */
    static String line(ObjectNode node) {
        try {
            return mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always renders", e);
        }
    }
}
