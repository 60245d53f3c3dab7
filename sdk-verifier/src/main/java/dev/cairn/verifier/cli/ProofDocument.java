package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON proof document ({@code spec/verifier-cli.md}, "Proof documents"), read strictly: every
 * member is required or refused, integers are JSON integers within 64 bits, hashes are 64 lowercase
 * hex characters. Every violation is {@link ErrorCode#PROOF_DOCUMENT_MALFORMED} with the details
 * {@code field}, {@code expected} and {@code found}. Values are not judged here: an index out of the
 * tree is the verifying engine's error, with its own code.
 */
final class ProofDocument {
    /** The members every proof document has. */
    static final Set<String> COMMON = Set.of("vds", "type");

    private final ObjectNode node;

    ProofDocument(ObjectNode node) {
        this.node = node;
    }

    /**
     * The verifiable data structure the document is a proof of.
     *
     * @return the {@code vds} member
     */
    String vds() {
        return text("vds");
    }

    /**
     * The kind of proof.
     *
     * @return the {@code type} member
     */
    String type() {
        return text("type");
    }

    /**
     * Requires exactly these members besides {@code vds} and {@code type}.
     *
     * @param fields the members of the document's format
     */
    void requireFields(String... fields) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(List.of(fields));
        requireExactly(all);
    }

    /**
     * Requires exactly these members: none missing, none other.
     *
     * @param fields all members of the format
     */
    void requireExactly(Set<String> fields) {
        Set<String> present = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            present.add(names.next());
        }
        for (String name : present) {
            if (!fields.contains(name)) {
                throw malformed(
                        name, "no member " + name + " (members: " + new TreeSet<>(fields) + ")", "member " + name);
            }
        }
        for (String name : new TreeSet<>(fields)) {
            if (!present.contains(name)) {
                throw malformed(name, "member " + name, "none");
            }
        }
    }

    /**
     * A text member.
     *
     * @param field the member
     * @return its value
     */
    String text(String field) {
        JsonNode value = require(field);
        if (!value.isTextual()) {
            throw malformed(field, "a string", value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.textValue();
    }

    /**
     * An integer member: a JSON integer (no fraction, no exponent) within the signed 64-bit range.
     *
     * @param field the member
     * @return its value
     */
    long integer(String field) {
        JsonNode value = require(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(field, "an integer within 64 bits", describe(value));
        }
        return value.longValue();
    }

    /**
     * A hash member: 64 lowercase hex characters.
     *
     * @param field the member
     * @return the hash
     */
    Digest hash(String field) {
        return hash(field, require(field));
    }

    /**
     * A member that is an array of hashes.
     *
     * @param field the member
     * @return the hashes, in order
     */
    List<Digest> hashes(String field) {
        return hashes(field, require(field));
    }

    /**
     * A member that is an array of arrays of hashes.
     *
     * @param field the member
     * @return the lists, in order
     */
    List<List<Digest>> hashLists(String field) {
        JsonNode value = require(field);
        if (!value.isArray()) {
            throw malformed(field, "an array of arrays of hashes", describe(value));
        }
        List<List<Digest>> lists = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            lists.add(hashes(field + "[" + i + "]", value.get(i)));
        }
        return lists;
    }

    /**
     * Refuses a {@code type} the handler does not know.
     *
     * @param known the types the document's {@code vds} has
     * @return the exception, for the caller to throw
     */
    MalformedInputException unsupportedType(Set<String> known) {
        return malformed("type", "one of " + new TreeSet<>(known), type());
    }

    private JsonNode require(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw malformed(field, "member " + field, "none");
        }
        return value;
    }

    private static List<Digest> hashes(String field, JsonNode value) {
        if (!value.isArray()) {
            throw malformed(field, "an array of hashes", describe(value));
        }
        List<Digest> hashes = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            hashes.add(hash(field + "[" + i + "]", value.get(i)));
        }
        return hashes;
    }

    private static Digest hash(String field, JsonNode value) {
        if (!value.isTextual() || !isHash(value.textValue())) {
            throw malformed(field, "64 lowercase hex characters (32 bytes)", describe(value));
        }
        return Digest.fromHex(value.textValue());
    }

    private static boolean isHash(String text) {
        if (text.length() != 2 * Digest.LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            return "a string of " + text.length() + " characters" + (text.length() <= 80 ? " \"" + text + "\"" : "");
        }
        String json = value.toString();
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (json.length() <= 80 ? json : json.substring(0, 80) + "...");
    }

    /**
     * A malformed member.
     *
     * @param field the member
     * @param expected what the format requires
     * @param found what the document has
     * @return the exception, for the caller to throw
     */
    static MalformedInputException malformed(String field, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(
                ErrorCode.PROOF_DOCUMENT_MALFORMED, field + ": got " + found + ", want " + expected, -1, details, null);
    }

    /**
     * A malformed document as a whole.
     *
     * @param message what is wrong
     * @param details typed details, in order
     * @return the exception, for the caller to throw
     */
    static MalformedInputException malformed(String message, Map<String, String> details) {
        return new MalformedInputException(ErrorCode.PROOF_DOCUMENT_MALFORMED, message, -1, details, null);
    }
}
