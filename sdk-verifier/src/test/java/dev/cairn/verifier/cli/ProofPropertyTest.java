package dev.cairn.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code cairn-verify proof -} on arbitrary input: every outcome is a result line with an exit code
 * of 0, 1 or 2; never an internal error (exit 3), never an exception out of the main entry point.
 */
class ProofPropertyTest {
    private static final Mmr MMR = ProofDocs.mmr(13);
    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "vds",
        "mmr",
        "rfc9162",
        "type",
        "inclusion",
        "consistency",
        "leaf_hash",
        "index",
        "tree_size",
        "path",
        "peaks",
        "size1",
        "size2",
        "paths",
        "right_peaks",
        "peaks1",
        "peaks2",
        "0",
        "-1",
        "1e3",
        "true",
        "null",
        "\\u0000",
        "00",
        "ff",
        " ",
        "\n",
        "\u00e9",
        "\uFEFF"
    };

    private static void holds(byte[] input) {
        Cli.Run run = Cli.run(input, "proof", "--json", "-");
        assertNotEquals(ExitCode.INTERNAL, run.exit(), run::toString);
        assertTrue(run.exit() >= 0 && run.exit() <= 2, run::toString);
        List<JsonNode> lines = run.json();
        assertTrue(!lines.isEmpty(), run::toString);
        int worst = 0;
        for (JsonNode line : lines) {
            String status = line.path("status").asText();
            assertNotEquals("error", status, run::toString);
            worst = Math.max(
                    worst,
                    switch (status) {
                        case "valid" -> 0;
                        case "invalid" -> 1;
                        case "malformed" -> 2;
                        default -> throw new AssertionError("status " + status);
                    });
        }
        assertEquals(worst, run.exit(), run::toString);
    }

    @Test
    void arbitraryBytes() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 300))
                .checkAssert(values -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) values.get(i);
                    }
                    holds(bytes);
                });
    }

    @Test
    void arbitraryTokenSoup() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, TOKENS.length - 1)).ofSizeBetween(0, 60))
                .checkAssert(picks -> {
                    StringBuilder text = new StringBuilder();
                    picks.forEach(i -> text.append(TOKENS[i]));
                    holds(text.toString().getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void arbitraryJsonAndMutatedDocuments() {
        qt().withExamples(400).forAll(documents()).checkAssert(ProofPropertyTest::holds);
    }

    /** JSON text: random trees, and real documents with members replaced by random values. */
    private static Gen<byte[]> documents() {
        return longs().all().map(seed -> {
            Random random = new Random(seed);
            JsonNode node = random.nextInt(4) == 0 ? randomValue(random, 4) : mutated(random);
            if (random.nextInt(5) == 0) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    array.add(random.nextBoolean() ? node : mutated(random));
                }
                node = array;
            }
            return node.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private static ObjectNode mutated(Random random) {
        long size = MMR.size();
        ObjectNode doc = random.nextBoolean()
                ? ProofDocs.inclusion(MMR, MmrMath.leafIndex(random.nextInt(13)), size)
                : ProofDocs.consistency(MMR, MmrMath.sizeForLeafCount(random.nextInt(13)), size);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> doc.remove(name);
                case 1 -> doc.set(name, randomValue(random, 2));
                case 2 -> doc.put(random.nextBoolean() ? "extra" : name, random.nextLong());
                default -> {
                    JsonNode value = doc.get(name);
                    if (value != null && value.isArray() && value.size() > 0) {
                        ((ArrayNode) value).remove(random.nextInt(value.size()));
                    } else if (value != null && value.isIntegralNumber()) {
                        doc.put(name, value.longValue() + random.nextInt(5) - 2);
                    }
                }
            }
        }
        return doc;
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int pick = random.nextInt(depth > 0 ? 9 : 7);
        return switch (pick) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(random.nextDouble() * 1e6);
            case 4 -> f.textNode(HexFormat.of().formatHex(new byte[random.nextInt(40)]));
            case 5 -> f.textNode(random.nextBoolean() ? "mmr" : "rfc9162");
            case 6 -> f.numberNode(new java.math.BigInteger(80, random));
            case 7 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? "vds" : "k" + random.nextInt(3), randomValue(random, depth - 1));
                }
                yield object;
            }
        };
    }
}
