package dev.cairn.server.http;

import java.util.Locale;

/**
 * What a route's request or success response carries: nothing, a JSON document of one record
 * type, or bytes of one media type (CBOR, DER, COSE, the Prometheus text format). The OpenAPI
 * document is generated from these declarations, and {@link Call} refuses to read or write any
 * other type than the one declared, so the document stays true.
 */
public sealed interface Payload permits Payload.None, Payload.Json, Payload.Bytes {
    /**
     * No body.
     *
     * @return the empty payload
     */
    static Payload none() {
        return new None();
    }

    /**
     * A JSON document read into, or written from, one type.
     *
     * @param type a record type
     * @return the JSON payload
     */
    static Payload json(Class<?> type) {
        return new Json(type);
    }

    /**
     * Bytes of one media type, such as {@code application/cbor} or {@code application/pkix-cert}.
     *
     * @param mediaType the media type, {@code type/subtype} with optional parameters
     * @return the bytes payload
     */
    static Payload bytes(String mediaType) {
        return new Bytes(mediaType);
    }

    /** No body. */
    record None() implements Payload {}

    /**
     * A JSON body of one type.
     *
     * @param type the Java type the body maps to
     */
    record Json(Class<?> type) implements Payload {
        /**
         * Checks that the type is given.
         *
         * @param type the type
         */
        public Json {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("JSON bodies are records, got " + type.getName());
            }
        }
    }

    /**
     * A body of one media type, passed through as bytes.
     *
     * @param mediaType the media type
     */
    record Bytes(String mediaType) implements Payload {
        /**
         * Checks that the media type has the {@code type/subtype} form.
         *
         * @param mediaType the media type
         */
        public Bytes {
            if (MediaType.parse(mediaType).isEmpty()) {
                throw new IllegalArgumentException("not a media type: " + mediaType);
            }
            mediaType = mediaType.toLowerCase(Locale.ROOT);
        }
    }
}
