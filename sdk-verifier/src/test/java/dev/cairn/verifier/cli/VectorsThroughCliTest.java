package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.ProofDocs.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden vector of a kind the command line verifies, run through {@code cairn-verify}'s main:
 * accept vectors exit 0, reject vectors exit 1 (REJECTED codes) or 2 (MALFORMED_INPUT codes) and
 * print their {@code error} code. Kinds no subcommand verifies are listed, so that a new kind is
 * noticed; MMR vectors whose mutation lives in the CBOR encoding cannot be written as a JSON proof
 * document and are listed too.
 */
class VectorsThroughCliTest {
    /** The repository's vectors, from the module directory. */
    static final Path VECTORS = Path.of("..", "vectors").toAbsolutePath().normalize();

    /** Kinds no subcommand verifies: CBOR, hashing, keys and COSE_Sign1 are sdk-core's primitives. */
    private static final Set<String> NOT_COVERED = Set.of("cbor", "cose", "hash", "key");

    /**
     * Kinds (trust vectors by type) run through a subcommand. A new kind fails the test until it is
     * given a subcommand here ({@link #command}, {@link #arguments}, {@link #accepted}) or is listed in
     * {@link #NOT_COVERED}.
     */
    private static final Set<String> COVERED = Set.of(
            "checkpoint",
            "cose-receipt",
            "mmr",
            "receipt",
            "trust/bundle",
            "trust/csr",
            "trust/peer",
            "trust/revocation-head");

    @TempDir
    Path dir;

    private int files;

    /** Every trust bundle (canonical JWKS text) some vector holds, parsed; read on first use. */
    private Map<String, TrustBundle> jwksTexts;

    /** A vector the command line's inputs cannot express (a JSON proof document, cert's options). */
    private static final class NotRepresentable extends Exception {
        private static final long serialVersionUID = 1L;

        NotRepresentable(String reason) {
            super(reason);
        }
    }

    @Test
    void everyVectorGivesItsExitCodeAndItsError() throws IOException {
        assertTrue(Files.isDirectory(VECTORS), "no vectors at " + VECTORS);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(VECTORS)) {
            all = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, Integer> covered = new TreeMap<>();
        Map<String, Integer> notCovered = new TreeMap<>();
        List<String> notRepresentable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path file : all) {
            JsonNode v = JSON.readTree(file.toFile());
            String kind = v.path("kind").asText();
            String key = "trust".equals(kind) ? "trust/" + v.path("type").asText() : kind;
            String name = VECTORS.relativize(file).toString();
            if (!COVERED.contains(key)) {
                notCovered.merge(key, 1, Integer::sum);
                continue;
            }
            try {
                String problem = check(v);
                covered.merge(key, 1, Integer::sum);
                if (problem != null) {
                    failures.add(name + ": " + problem);
                }
            } catch (NotRepresentable e) {
                notRepresentable.add(name + " (" + e.getMessage() + ")");
            }
        }
        System.out.println("vectors through cairn-verify: " + covered + "; not covered by any subcommand: " + notCovered
                + "; not expressible through the command line: " + notRepresentable);
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertEquals(NOT_COVERED, notCovered.keySet(), "kinds no subcommand verifies");
        assertEquals(COVERED, covered.keySet());
        assertTrue(covered.values().stream().mapToInt(Integer::intValue).sum() > 200, covered.toString());
    }

    /** Runs one vector; returns what differed, or null. */
    private String check(JsonNode v) throws NotRepresentable {
        List<String> args = new ArrayList<>(List.of(command(v), "--json"));
        args.addAll(arguments(v));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<JsonNode> lines;
        try {
            lines = run.json();
        } catch (AssertionError e) {
            return "output is not JSON lines: " + run;
        }
        if ("accept".equals(v.path("expect").asText())) {
            if (run.exit() != 0 || lines.isEmpty()) {
                return "exit " + run.exit() + ", want 0: " + run.out() + run.err();
            }
            return accepted(v, lines);
        }
        ErrorCode want = ErrorCode.valueOf(v.path("error").asText());
        int exit = ExitCode.of(want.family());
        if (run.exit() != exit || lines.size() != 1) {
            return "exit " + run.exit() + ", want " + exit + " with " + want + ": " + run.out() + run.err();
        }
        String got = lines.get(0).path("code").asText();
        return got.equals(want.name()) ? null : "printed " + got + ", want " + want;
    }

    private static String command(JsonNode v) {
        return switch (v.path("kind").asText()) {
            case "checkpoint" -> "checkpoint";
            case "receipt", "cose-receipt" -> "receipt";
            case "mmr" -> "proof";
            case "trust" -> "cert";
            default -> throw new IllegalArgumentException("kind " + v.path("kind"));
        };
    }

    private List<String> arguments(JsonNode v) throws NotRepresentable {
        List<String> args = new ArrayList<>();
        switch (v.path("kind").asText()) {
            case "checkpoint" -> {
                rules(v, args);
                args.add(hexFile(v, "checkpoint"));
            }
            case "receipt" -> {
                rules(v, args);
                if (v.path("epoch").isNull()) {
                    args.add("--any-epoch");
                } else {
                    args.addAll(List.of("--epoch", v.path("epoch").asText()));
                }
                args.add(hexFile(v, "receipt"));
            }
            case "cose-receipt" -> {
                keys(v, args);
                if (v.has("leaf")) {
                    args.addAll(List.of(
                            "--cose", "inclusion", "--leaf", v.path("leaf").asText()));
                    if (v.has("accumulator")) {
                        args.addAll(List.of("--accumulator", json(v.get("accumulator"))));
                    }
                } else {
                    args.addAll(List.of("--cose", "consistency", "--accumulator", json(v.get("trusted"))));
                }
                args.add(hexFile(v, "receipt"));
            }
            case "mmr" -> args.add(json(mmrDocuments(v)));
            case "trust" -> trust(v, args);
            default -> throw new IllegalArgumentException("kind " + v.path("kind"));
        }
        return args;
    }

    // --- trust vectors as cert's options ---

    private void trust(JsonNode v, List<String> args) throws NotRepresentable {
        switch (v.path("type").asText()) {
            case "csr" -> args.addAll(List.of("--csr", hexFile(v, "csr")));
            case "peer" -> {
                if (v.path("chain").isEmpty()) {
                    throw new NotRepresentable("no certificate at all: cert's CHAIN is a PEM file of at least one"
                            + " certificate (an empty one is CERT_MALFORMED), so TLS_PEER_MISSING cannot be asked");
                }
                args.addAll(List.of(
                        "--trust-bundle",
                        jwksFile(v.path("trust_bundle").asText()),
                        "--revocation-head",
                        hexFile(v, "revocation_head"),
                        "--revocation-entries",
                        hexFile(v, "revocation_entries"),
                        "--tier",
                        v.path("tier").asText(),
                        "--role",
                        v.path("role").asText().toLowerCase(Locale.ROOT),
                        "--at",
                        v.path("now").asText()));
                args.add(pemChain(v.path("chain")));
            }
            case "revocation-head" -> {
                if (!v.path("held").isEmpty()) {
                    throw new NotRepresentable(
                            "needs a previously held head (" + v.path("held").size()
                                    + " held step(s)); cert verifies one head from an empty state, with no option to give"
                                    + " a held one");
                }
                if (!v.path("from_start").asBoolean()) {
                    throw new NotRepresentable("an update that extends a held chain; cert's --revocation-entries"
                            + " are always the whole chain from index 0");
                }
                args.addAll(List.of(
                        "--trust-bundle",
                        jwksFile(bundleFor(v)),
                        "--revocation-head",
                        hexFile(v, "head"),
                        "--revocation-entries",
                        hexFile(v, "entries"),
                        "--at",
                        v.path("now").asText()));
            }
            case "bundle" -> {
                switch (v.path("operation").asText()) {
                    case "parse" ->
                        args.addAll(List.of(
                                "--trust-bundle", jwksFile(v.path("jwks").asText())));
                    case "update" ->
                        args.addAll(List.of(
                                "--trust-bundle",
                                jwksFile(v.path("held").asText()),
                                "--bundle-update",
                                hexFile(v, "signed_bundle")));
                    default -> throw new IllegalArgumentException("bundle operation " + v.path("operation"));
                }
            }
            default -> throw new IllegalArgumentException("trust type " + v.path("type"));
        }
    }

    /** The exact JWKS bytes, no trailing newline. */
    private String jwksFile(String jwks) {
        return write(dir, "input-" + files++ + ".jwks", jwks.getBytes(StandardCharsets.US_ASCII));
    }

    private String pemChain(JsonNode chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (JsonNode der : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(base64.encodeToString(HexFormat.of().parseHex(der.asText())))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return write(dir, "input-" + files++ + ".pem", pem.toString());
    }

    /**
     * A trust bundle whose revocation state is the one a revocation-head vector names: cert takes
     * the CA keys only from a bundle, and a head vector gives its trust domain and CA keys (COSE_Keys)
     * instead. So one of the vectors' own bundles is used if it is of that trust domain and its CA
     * keys are exactly those keys, which makes {@code RevocationState.builder(domain, keys)} the
     * same; otherwise the vector is not expressible.
     */
    private String bundleFor(JsonNode v) throws NotRepresentable {
        Set<String> want = new TreeSet<>();
        for (JsonNode key : v.path("trusted_keys")) {
            want.add(VerificationKey.fromCoseKey(
                            (CborMap) Cbor.decode(HexFormat.of().parseHex(key.asText())))
                    .kid()
                    .toHex());
        }
        String domain = v.path("trust_domain").asText();
        for (Map.Entry<String, TrustBundle> held : jwksTexts().entrySet()) {
            TrustBundle bundle = held.getValue();
            Set<String> kids = new TreeSet<>();
            bundle.keys().keys().forEach(k -> kids.add(k.kid().toHex()));
            if (bundle.trustDomain().name().equals(domain) && kids.equals(want)) {
                return held.getKey();
            }
        }
        throw new NotRepresentable("no vector's trust bundle holds exactly the trusted keys " + want + " for " + domain
                + "; cert takes the CA keys only from a bundle");
    }

    private Map<String, TrustBundle> jwksTexts() {
        if (jwksTexts == null) {
            jwksTexts = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(VECTORS.resolve("trust"))) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode v = JSON.readTree(file.toFile());
                    for (String field : List.of("trust_bundle", "jwks", "held")) {
                        JsonNode text = v.path(field);
                        if (text.isTextual()) {
                            try {
                                jwksTexts.put(
                                        text.asText(),
                                        TrustBundleJwks.parse(text.asText().getBytes(StandardCharsets.US_ASCII)));
                            } catch (CairnException e) {
                                // not a bundle a relying party can hold
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksTexts;
    }

    private void rules(JsonNode v, List<String> args) {
        keys(v, args);
        args.addAll(List.of(
                "--at",
                Instant.ofEpochMilli(v.path("now_ms").asLong()).toString(),
                "--max-skew",
                Duration.ofMillis(v.path("max_skew_ms").asLong()).toString()));
    }

    private void keys(JsonNode v, List<String> args) {
        for (JsonNode key : v.path("trusted_keys")) {
            args.addAll(List.of("--key", file(key.asText())));
        }
        args.addAll(List.of("--log-id", v.path("log_id").asText()));
    }

    private String hexFile(JsonNode v, String field) {
        return file(v.path(field).asText());
    }

    private String file(String content) {
        return write(dir, "input-" + files++, content);
    }

    private String json(JsonNode node) {
        return write(dir, "input-" + files++ + ".json", node.toString());
    }

    // --- MMR vectors as JSON proof documents ---

    private static JsonNode mmrDocuments(JsonNode v) throws NotRepresentable {
        boolean inclusion = "inclusion".equals(v.path("proof_type").asText());
        boolean accept = "accept".equals(v.path("expect").asText());
        if (!accept) {
            return inclusion
                    ? inclusionDocument(
                            v.path("leaf").asText(),
                            v.get("accumulator"),
                            v.path("proof").asText())
                    : consistencyDocument(
                            v.get("accumulator1"),
                            v.get("accumulator2"),
                            v.path("proof").asText());
        }
        ArrayNode documents = JSON.createArrayNode();
        for (JsonNode entry : v.path("proofs")) {
            documents.add(
                    inclusion
                            ? inclusionDocument(
                                    entry.path("leaf").asText(),
                                    v.get("accumulator"),
                                    entry.path("proof").asText())
                            : consistencyDocument(
                                    entry.get("accumulator1"),
                                    v.get("accumulator2"),
                                    entry.path("proof").asText()));
        }
        return documents;
    }

    private static ObjectNode inclusionDocument(String leaf, JsonNode accumulator, String proofHex)
            throws NotRepresentable {
        CborArray proof = array(decode(proofHex), 2);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "inclusion");
        doc.put("leaf_hash", leaf);
        doc.put("index", integer(proof.get(0)));
        doc.set("tree_size", accumulator.get("size"));
        doc.set("path", hashes(proof.get(1)));
        doc.set("peaks", accumulator.get("peaks"));
        return doc;
    }

    private static ObjectNode consistencyDocument(JsonNode from, JsonNode to, String proofHex) throws NotRepresentable {
        CborArray proof = array(decode(proofHex), 4);
        if (integer(proof.get(0)) != from.path("size").asLong()
                || integer(proof.get(1)) != to.path("size").asLong()) {
            throw new NotRepresentable(
                    "the proof's sizes differ from the accumulators'; a document states each size once");
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "consistency");
        doc.set("size1", from.get("size"));
        doc.set("size2", to.get("size"));
        ArrayNode paths = doc.putArray("paths");
        if (!(proof.get(2) instanceof CborArray list)) {
            throw new NotRepresentable("consistency paths are not an array");
        }
        for (CborValue path : list.items()) {
            paths.add(hashes(path));
        }
        doc.set("right_peaks", hashes(proof.get(3)));
        doc.set("peaks1", from.get("peaks"));
        doc.set("peaks2", to.get("peaks"));
        return doc;
    }

    private static CborValue decode(String hex) throws NotRepresentable {
        try {
            return Cbor.decode(HexFormat.of().parseHex(hex));
        } catch (CairnException e) {
            throw new NotRepresentable("the proof bytes are not one canonical CBOR item: " + e.code());
        }
    }

    private static CborArray array(CborValue value, int arity) throws NotRepresentable {
        if (!(value instanceof CborArray array) || array.size() != arity) {
            throw new NotRepresentable("not an array of " + arity);
        }
        return array;
    }

    private static long integer(CborValue value) throws NotRepresentable {
        if (!(value instanceof CborInt integer)) {
            throw new NotRepresentable("an integer field is not a CBOR integer");
        }
        return integer.value();
    }

    private static ArrayNode hashes(CborValue value) throws NotRepresentable {
        if (!(value instanceof CborArray array)) {
            throw new NotRepresentable("a list of hashes is not an array");
        }
        ArrayNode out = JSON.createArrayNode();
        for (CborValue item : array.items()) {
            if (!(item instanceof CborBytes bytes) || bytes.value().length() != 32) {
                throw new NotRepresentable("an entry is not 32 bytes; a document's hashes are 32 bytes");
            }
            out.add(bytes.value().toHex());
        }
        return out;
    }

    // --- what accepted vectors must report ---

    private static String accepted(JsonNode v, List<JsonNode> lines) {
        JsonNode first = lines.get(0);
        switch (v.path("kind").asText()) {
            case "checkpoint" -> {
                return same("size", v.path("size").asText(), first.path("size").asText());
            }
            case "receipt" -> {
                String problem = same(
                        "sequence",
                        v.path("sequence").asText(),
                        first.path("sequence").asText());
                return problem != null
                        ? problem
                        : same(
                                "subject",
                                v.path("subject").asText(),
                                first.path("subject").asText());
            }
            case "cose-receipt" -> {
                if (v.has("leaf")) {
                    String problem = same(
                            "index",
                            v.path("index").asText(),
                            first.path("index").asText());
                    return problem != null
                            ? problem
                            : same(
                                    "peak",
                                    v.path("peak").asText(),
                                    first.path("peak").asText());
                }
                String problem = same(
                        "size",
                        v.path("to").path("size").asText(),
                        first.path("size2").asText());
                return problem != null
                        ? problem
                        : same(
                                "peaks",
                                v.path("to").path("peaks").toString(),
                                first.path("peaks2").toString());
            }
            case "mmr" -> {
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
            case "trust" -> {
                return acceptedTrust(v, first);
            }
            default -> {
                return "unexpected kind";
            }
        }
    }

    private static String acceptedTrust(JsonNode v, JsonNode first) {
        switch (v.path("type").asText()) {
            case "peer" -> {
                return firstProblem(
                        same(
                                "identity",
                                v.path("identity").asText(),
                                first.path("identity").asText()),
                        same(
                                "serial",
                                v.path("serial").asText(),
                                first.path("serial").asText()),
                        same("not_after", instant(v, "not_after"), instant(first, "not_after")),
                        same("role", v.path("role").asText(), first.path("role").asText()),
                        same("tier", v.path("tier").asText(), first.path("tier").asText()));
            }
            case "revocation-head" -> {
                return firstProblem(
                        same(
                                "sequence",
                                v.path("sequence").asText(),
                                first.path("revocation_sequence").asText()),
                        same(
                                "size",
                                v.path("size").asText(),
                                first.path("revocation_size").asText()),
                        same(
                                "revoked",
                                String.valueOf(v.path("revoked").size()),
                                first.path("revoked").asText()),
                        same("issued_at", instant(v, "issued_at"), instant(first, "revocation_issued_at")),
                        same("next_update", instant(v, "next_update"), instant(first, "revocation_next_update")),
                        same(
                                "trust_domain",
                                v.path("trust_domain").asText(),
                                first.path("trust_domain").asText()));
            }
            case "bundle" -> {
                String updates = "update".equals(v.path("operation").asText()) ? "1" : "0";
                return firstProblem(
                        same(
                                "trust_domain",
                                v.path("trust_domain").asText(),
                                first.path("trust_domain").asText()),
                        same(
                                "sequence",
                                v.path("sequence").asText(),
                                first.path("bundle_sequence").asText()),
                        same(
                                "bundle_updates",
                                updates,
                                first.path("bundle_updates").asText()),
                        same(
                                "ca_certificates",
                                String.valueOf(v.path("keys").size()),
                                first.path("ca_certificates").asText()));
            }
            case "csr" -> {
                String problem = same(
                        "public_key",
                        v.path("public_key").asText(),
                        first.path("public_key").asText());
                if (problem == null) {
                    problem = same(
                            "key_type",
                            v.path("key_type").asText(),
                            first.path("key_type").asText());
                }
                return problem != null
                        ? problem
                        : same(
                                "requested",
                                v.path("requested").toString(),
                                first.path("requested").toString());
            }
            default -> {
                return "unexpected trust type";
            }
        }
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
