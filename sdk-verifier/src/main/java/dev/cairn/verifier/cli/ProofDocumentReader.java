package dev.cairn.verifier.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.MalformedInputException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams JSON proof documents from an input ({@code spec/verifier-cli.md}, "Proof documents"): one
 * object, or an array of objects read one at a time, so that memory stays bounded on long inputs.
 *
 * <p>The input must be UTF-8 JSON (RFC 8259) with no duplicate member names and nothing after the
 * value. An array element that is not an object is refused on its own; a syntax error ends the
 * input. Documents of an array are passed on as they are read, so an error later in the input is
 * found after them; a single document is passed on only once the input is known to end after it.
 * A document longer than {@link #MAX_DOCUMENT_CHARS} characters is refused. Every refusal is
 * {@link dev.cairn.errors.ErrorCode#PROOF_DOCUMENT_MALFORMED}. A failure to read the underlying
 * stream is a {@link ReadFailure}, not a malformed input.
 */
final class ProofDocumentReader implements AutoCloseable {
    /** Longest document accepted, in characters. */
    static final long MAX_DOCUMENT_CHARS = 1 << 20;

    /** Receives what the reader finds, in input order. */
    interface Sink {
        /**
         * A document, not yet checked beyond being a JSON object.
         *
         * @param index its position in the array, or {@link Output#ALONE} for a single document
         * @param document the document
         */
        void document(long index, ObjectNode document);

        /**
         * An element of the array that is not a document.
         *
         * @param index its position in the array
         * @param failure why
         */
        void refused(long index, MalformedInputException failure);
    }

    /** The underlying stream failed: an I/O error, not a malformed input. */
    static final class ReadFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause);
        }
    }

    private final Counting counting;
    private final JsonParser parser;

    ProofDocumentReader(InputStream in) {
        this.counting = new Counting(in);
        try {
            this.parser = Json.factory().createParser(strictUtf8(counting));
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    /**
     * A strict UTF-8 reader: malformed sequences are errors, not replacement characters.
     *
     * @param in the bytes
     * @return the reader
     */
    static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Reads one JSON object and nothing else, as accumulator files are.
     *
     * @param content the bytes
     * @return the object
     * @throws MalformedInputException {@link dev.cairn.errors.ErrorCode#PROOF_DOCUMENT_MALFORMED}
     */
    static ObjectNode single(byte[] content) {
        ObjectNode[] found = new ObjectNode[1];
        try (ProofDocumentReader reader = new ProofDocumentReader(new ByteArrayInputStream(content))) {
            reader.read(
                    new Sink() {
                        @Override
                        public void document(long index, ObjectNode document) {
                            found[0] = document;
                        }

                        @Override
                        public void refused(long index, MalformedInputException failure) {
                            throw failure;
                        }
                    },
                    false);
        }
        return found[0];
    }

    /**
     * Reads the whole input.
     *
     * @param sink receives each document or refused element
     * @throws MalformedInputException for input that is not a document or an array of them; documents
     *     before the point of failure have been passed to the sink
     * @throws ReadFailure if the stream fails
     */
    void readAll(Sink sink) {
        read(sink, true);
    }

    private void read(Sink sink, boolean arrays) {
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                ObjectNode document = object();
                requireEnd();
                sink.document(Output.ALONE, document);
            } else if (first == JsonToken.START_ARRAY && arrays) {
                readArray(sink);
                requireEnd();
            } else {
                throw ProofDocument.malformed(
                        "want a JSON object" + (arrays ? " or an array of objects" : "") + ", got " + describe(first),
                        location());
            }
        } catch (JsonProcessingException e) {
            throw ProofDocument.malformed("not JSON: " + e.getOriginalMessage(), location(e.getLocation()));
        } catch (CharacterCodingException e) {
            throw ProofDocument.malformed("not UTF-8: " + e, location());
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    private void requireEnd() throws IOException {
        if (parser.nextToken() != null) {
            throw ProofDocument.malformed("content after the JSON value", location());
        }
    }

    private void readArray(Sink sink) throws IOException {
        long index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw ProofDocument.malformed("the array is not closed", location());
            }
            if (token == JsonToken.START_OBJECT) {
                sink.document(index, object());
            } else {
                parser.skipChildren();
                sink.refused(index, ProofDocument.malformed("document", "a JSON object", describe(token)));
            }
            index++;
        }
        if (index == 0) {
            throw ProofDocument.malformed("an empty array holds no proof document", location());
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "no JSON value";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private ObjectNode object() throws IOException {
        long start = parser.currentTokenLocation().getCharOffset();
        counting.guard(4 * MAX_DOCUMENT_CHARS + (1 << 16));
        JsonNode node = Json.mapper().readTree(parser);
        counting.unguard();
        long length = parser.currentLocation().getCharOffset() - start;
        if (length > MAX_DOCUMENT_CHARS) {
            throw ProofDocument.malformed(
                    "a proof document of " + length + " characters; want at most " + MAX_DOCUMENT_CHARS, location());
        }
        return (ObjectNode) node;
    }

    /**
     * How many bytes of the input were read so far.
     *
     * @return the count
     */
    long bytesRead() {
        return counting.count;
    }

    private Map<String, String> location() {
        return location(parser.currentLocation());
    }

    private static Map<String, String> location(JsonLocation location) {
        Map<String, String> details = new LinkedHashMap<>();
        if (location != null) {
            details.put("line", Integer.toString(location.getLineNr()));
            details.put("column", Integer.toString(location.getColumnNr()));
        }
        return details;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    /** Counts bytes, turns I/O errors into {@link ReadFailure}, and guards one document's size. */
    private static final class Counting extends FilterInputStream {
        private long count;
        private long limit = Long.MAX_VALUE;

        Counting(InputStream in) {
            super(in);
        }

        void guard(long bytes) {
            limit = count + bytes;
        }

        void unguard() {
            limit = Long.MAX_VALUE;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (count > limit) {
                throw ProofDocument.malformed(
                        "a proof document longer than " + MAX_DOCUMENT_CHARS + " characters", Map.of());
            }
            try {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                long skipped = in.skip(n);
                count += skipped;
                return skipped;
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        }
    }
}
