package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the subcommands must report for accepted vectors: their JSON results against the vector. */
final class VectorReports {
    private VectorReports() {}

    /** What differs between an accepted vector and the subcommand's JSON results, or null. */
    static String accepted(JsonNode v, List<JsonNode> lines) {
        JsonNode first = lines.get(0);
        return switch (v.path("kind").asText()) {
            case "checkpoint" -> field(v, "size", first, "size");
            case "receipt" ->
                firstProblem(field(v, "sequence", first, "sequence"), field(v, "subject", first, "subject"));
            case "cose-receipt" ->
                v.has("leaf")
                        ? firstProblem(field(v, "index", first, "index"), field(v, "peak", first, "peak"))
                        : firstProblem(
                                field(v.path("to"), "size", first, "size2"),
                                same(
                                        "peaks",
                                        v.path("to").path("peaks").toString(),
                                        first.path("peaks2").toString()));
            case "mmr" -> allValid(v, lines);
            case "trust" -> acceptedTrust(v, first);
            default -> "unexpected kind";
        };
    }

    /** An accepted MMR file is one result per proof, each valid. */
    private static String allValid(JsonNode v, List<JsonNode> lines) {
        if (lines.size() != v.path("proofs").size()) {
            return lines.size() + " results, want " + v.path("proofs").size();
        }
        for (JsonNode line : lines) {
            if (!"valid".equals(line.path("status").asText())) {
                return "a document failed: " + line;
            }
        }
        return null;
    }

    private static String acceptedTrust(JsonNode v, JsonNode first) {
        return switch (v.path("type").asText()) {
            case "peer" ->
                firstProblem(
                        field(v, "identity", first, "identity"),
                        field(v, "serial", first, "serial"),
                        time(v, "not_after", first, "not_after"),
                        field(v, "role", first, "role"),
                        field(v, "tier", first, "tier"));
            case "revocation-head" ->
                firstProblem(
                        field(v, "sequence", first, "revocation_sequence"),
                        field(v, "size", first, "revocation_size"),
                        count(v, "revoked", first, "revoked"),
                        time(v, "issued_at", first, "revocation_issued_at"),
                        time(v, "next_update", first, "revocation_next_update"),
                        field(v, "trust_domain", first, "trust_domain"));
            case "bundle" ->
                firstProblem(
                        field(v, "trust_domain", first, "trust_domain"),
                        field(v, "sequence", first, "bundle_sequence"),
                        same(
                                "bundle_updates",
                                "update".equals(v.path("operation").asText()) ? "1" : "0",
                                first.path("bundle_updates").asText()),
                        count(v, "keys", first, "ca_certificates"));
            case "csr" ->
                firstProblem(
                        field(v, "public_key", first, "public_key"),
                        field(v, "key_type", first, "key_type"),
                        same(
                                "requested",
                                v.path("requested").toString(),
                                first.path("requested").toString()));
            default -> "unexpected trust type";
        };
    }

    /** The vector's field {@code name} against the result's field {@code reported}, as text. */
    private static String field(JsonNode v, String name, JsonNode result, String reported) {
        return same(name, v.path(name).asText(), result.path(reported).asText());
    }

    /** The number of items of the vector's array {@code name} against the result's field. */
    private static String count(JsonNode v, String name, JsonNode result, String reported) {
        return same(
                name, String.valueOf(v.path(name).size()), result.path(reported).asText());
    }

    /** The vector's time {@code name} against the result's, both read as instants. */
    private static String time(JsonNode v, String name, JsonNode result, String reported) {
        return same(name, instant(v, name), instant(result, reported));
    }

    private static String instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asText()).toString();
        } catch (DateTimeParseException e) {
            return "unparsable " + node.path(field);
        }
    }

    private static String firstProblem(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String same(String what, String want, String got) {
        return want.equals(got) ? null : what + ": got " + got + ", want " + want;
    }
}
