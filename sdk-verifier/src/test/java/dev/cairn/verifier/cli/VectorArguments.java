package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.ProofDocs.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.errors.CairnException;
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

/**
 * A golden vector as the options and input files of the subcommand that verifies its kind: {@code
 * checkpoint}, {@code receipt} (full and {@code --cose}), {@code proof} (MMR vectors as proof
 * documents) and {@code cert} (the trust vectors). Some vectors cannot be said through a
 * subcommand's inputs; they are {@link NotRepresentable} here and checked by {@code cairn-verify
 * vectors} instead.
 */
final class VectorArguments {
    /** A vector the command line's inputs cannot express (a JSON proof document, cert's options). */
    static final class NotRepresentable extends Exception {
        private static final long serialVersionUID = 1L;

        NotRepresentable(String reason) {
            super(reason);
        }
    }

    private final Path dir;
    private final Path vectors;
    private int files;

    /** Every trust bundle (canonical JWKS text) some vector holds, parsed; read on first use. */
    private Map<String, TrustBundle> jwksTexts;

    /**
     * @param dir where input files are written
     * @param vectors the vectors tree, whose trust bundles stand in for revocation-head vectors' keys
     */
    VectorArguments(Path dir, Path vectors) {
        this.dir = dir;
        this.vectors = vectors;
    }

    /** The subcommand that verifies a vector. */
    static String command(JsonNode v) {
        return switch (v.path("kind").asText()) {
            case "checkpoint" -> "checkpoint";
            case "receipt", "cose-receipt" -> "receipt";
            case "mmr" -> "proof";
            case "trust" -> "cert";
            default -> throw new IllegalArgumentException("kind " + v.path("kind"));
        };
    }

    /** The subcommand's options and arguments for a vector, its inputs written to files. */
    List<String> arguments(JsonNode v) throws NotRepresentable {
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
                if (v.path("foreign").asBoolean()) {
                    args.add("--foreign");
                }
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
            case "mmr" -> args.add(json(MmrVectorDocuments.of(v)));
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
            try (Stream<Path> walk = Files.walk(vectors.resolve("trust"))) {
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
}
