package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.verifier.vectors.VectorResult.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Checks vector files ({@code vectors/README.md}). A file must lie at {@code
 * <kind>/<expect>/<name>.json}, be one JSON object (no repeated member, nothing after it) of format
 * {@value #FORMAT} whose {@code kind}, {@code expect} and {@code name} are those of its path, and,
 * for a rejection, name a registered {@code error}; otherwise it is {@link Status#MALFORMED}. Its
 * kind's check then runs: an accept vector holds when the step accepts and yields what the vector
 * says; a reject vector when the step raises exactly its {@code error}, at its {@code offset} if it
 * gives one. An unknown kind does not hold ({@link Status#FAILED}): no vector is passed over.
 */
public final class VectorChecker {
    /** The vector file format this checker reads ({@code vectors/CHANGES.md}). */
    public static final int FORMAT = 1;

    private static final String ACCEPT = "accept";

    private static final Map<String, VectorCheck> KINDS = Map.of(
            "cbor", new CborCheck(),
            "hash", new HashCheck(),
            "key", new KeyCheck(),
            "cose", new CoseCheck(),
            "mmr", new MmrCheck(),
            "checkpoint", new CheckpointCheck(),
            "receipt", new ReceiptCheck(),
            "cose-receipt", new CoseReceiptCheck(),
            "trust", new TrustCheck());

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VectorChecker() {}

    /**
     * The kinds this checker knows.
     *
     * @return the kind names, sorted
     */
    public static Set<String> kinds() {
        return new TreeSet<>(KINDS.keySet());
    }

    /**
     * Checks every file of a vectors directory.
     *
     * @param files relative path to file bytes, as {@link VectorTree#read} returns them
     * @return one result per file, in path order
     */
    public static CheckReport checkAll(SortedMap<String, byte[]> files) {
        List<VectorResult> results = new ArrayList<>();
        files.forEach((file, bytes) -> results.add(check(file, bytes)));
        return new CheckReport(results);
    }

    /**
     * Checks one vector file.
     *
     * @param file its path under the vectors directory, {@code /}-separated
     * @param json its bytes
     * @return the result
     */
    public static VectorResult check(String file, byte[] json) {
        JsonNode vector;
        try {
            vector = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return unreadable(file, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return unreadable(file, "not JSON: " + e.getMessage());
        }
        return check(file, vector);
    }

    /**
     * Checks one vector, already parsed, such as one a generator has just built.
     *
     * @param file the path it has or will have under the vectors directory
     * @param vector the vector
     * @return the result
     */
    public static VectorResult check(String file, JsonNode vector) {
        Matcher path = VectorTree.LAYOUT.matcher(file);
        if (!path.matches()) {
            return new VectorResult(
                    file, null, null, Status.MALFORMED, null, null, "not at <kind>/<accept|reject>/<name>.json");
        }
        String kind = path.group(1);
        String expect = path.group(2);
        Outcome outcome = new Outcome(file, kind, expect);
        try {
            String wanted = envelope(vector, kind, expect, path.group(3));
            outcome.wanted = wanted;
            VectorCheck check = KINDS.get(kind);
            if (check == null) {
                throw VectorFailure.broken("unknown kind " + kind + ", want one of " + kinds());
            }
            if (ACCEPT.equals(expect)) {
                runAccept(check, vector, outcome);
            } else {
                runReject(check, vector, outcome);
            }
            return outcome.result(Status.VALID, null);
        } catch (Mismatch m) {
            return outcome.result(Status.FAILED, m.getMessage());
        } catch (VectorFailure f) {
            if (f.accepted()) {
                outcome.got = ACCEPT;
            }
            return outcome.result(Status.FAILED, f.getMessage());
        } catch (MalformedVector m) {
            return outcome.result(Status.MALFORMED, m.getMessage());
        } catch (RuntimeException e) {
            return outcome.result(Status.ERROR, "checker failed: " + e);
        }
    }

    /**
     * The result of a file that cannot be read as a vector at all (not JSON, not readable), with the
     * kind and expectation its path names if it is in the layout.
     *
     * @param file the file's path under the vectors directory
     * @param why what is wrong with it
     * @return a {@link Status#MALFORMED} result
     */
    public static VectorResult unreadable(String file, String why) {
        Matcher path = VectorTree.LAYOUT.matcher(file);
        boolean inLayout = path.matches();
        return new VectorResult(
                file,
                inLayout ? path.group(1) : null,
                inLayout ? path.group(2) : null,
                Status.MALFORMED,
                null,
                null,
                why);
    }

    /** Checks the fields every vector has; returns what it wants: {@code accept} or its error. */
    private static String envelope(JsonNode v, String kind, String expect, String name) {
        if (!v.isObject()) {
            throw new MalformedVector("not a JSON object");
        }
        long format = Fields.integer(v, "format");
        if (format != FORMAT) {
            throw new MalformedVector("format " + format + ", want " + FORMAT);
        }
        String[][] fromPath = {{"kind", kind}, {"expect", expect}, {"name", name}};
        for (String[] field : fromPath) {
            String value = Fields.text(v, field[0]);
            if (!value.equals(field[1])) {
                throw new MalformedVector(field[0] + " \"" + value + "\", but the path says \"" + field[1] + "\"");
            }
        }
        if (ACCEPT.equals(expect)) {
            if (v.has("error")) {
                throw new MalformedVector("an accept vector with an error field");
            }
            return ACCEPT;
        }
        String error = Fields.text(v, "error");
        Fields.constant(ErrorCode.class, error, "error code");
        if (v.has("offset")) {
            Fields.integer(v, "offset");
        }
        return error;
    }

    private static void runAccept(VectorCheck check, JsonNode v, Outcome outcome) {
        try {
            check.accept(v);
        } catch (CairnException e) {
            outcome.got = e.code().name();
            throw new Mismatch("rejected with " + e.code() + ", want accept: " + e.getMessage());
        }
        outcome.got = ACCEPT;
    }

    private static void runReject(VectorCheck check, JsonNode v, Outcome outcome) {
        String want = outcome.wanted;
        try {
            check.reject(v);
        } catch (CairnException e) {
            outcome.got = e.code().name();
            if (!e.code().name().equals(want)) {
                throw new Mismatch("got " + e.code() + ", want " + want + ": " + e.getMessage());
            }
            if (v.has("offset")) {
                long offset = v.get("offset").asLong();
                OptionalLong got = e instanceof MalformedInputException m ? m.offset() : OptionalLong.empty();
                if (got.isEmpty() || got.getAsLong() != offset) {
                    throw new Mismatch("offset " + (got.isPresent() ? got.getAsLong() : "none") + ", want " + offset);
                }
            }
            return;
        }
        outcome.got = ACCEPT;
        throw new Mismatch("accepted, want " + want);
    }

    /** What the step gave was not what the vector wants. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /** What is known of a vector so far, for its result. */
    private static final class Outcome {
        private final String file;
        private final String kind;
        private final String expect;
        private String wanted;
        private String got;

        Outcome(String file, String kind, String expect) {
            this.file = file;
            this.kind = kind;
            this.expect = expect;
        }

        VectorResult result(Status status, String differed) {
            return new VectorResult(file, kind, expect, status, wanted, got, differed);
        }
    }
}
