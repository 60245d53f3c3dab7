package dev.cairn.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cairn's canonical CBOR writer and strict reader against Jackson's CBOR module, on one receipt-sized
 * map (about 300 bytes encoded).
 *
 * <p>{@code cairnStrictDecode} does everything a Cairn decoder promises (shortest heads, sorted unique
 * keys, definite lengths, UTF-8 validity, no trailing bytes, limits); {@code jacksonReadTree} only
 * parses, checks none of that and turns integer keys into strings. The comparison is therefore
 * conservative for Cairn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CborBenchmark {
    private CborValue value;
    private byte[] bytes;
    private CBORMapper mapper;
    private JsonNode tree;

    /** Builds the receipt-like map, encodes it once, and parses it once with Jackson. */
    @Setup
    public void setup() throws IOException {
        value = receipt();
        bytes = Cbor.encode(value);
        if (bytes.length < 250 || bytes.length > 350) {
            throw new IllegalStateException("receipt is " + bytes.length + " bytes; want about 300");
        }
        if (!Cbor.decode(bytes).equals(value)) {
            throw new IllegalStateException("Cairn round trip changed the value");
        }
        mapper = new CBORMapper();
        tree = mapper.readTree(bytes);
        if (tree.size() != 11) {
            throw new IllegalStateException("Jackson saw " + tree.size() + " fields, want 11");
        }
        System.out.println("receipt: " + bytes.length + " bytes encoded");
    }

    /**
     * A signed-action receipt shape: integer keys 1..11, hashes as 32-byte strings, two text strings,
     * integers of several widths, a nested array (a proof) and a small nested map (the outcome).
     *
     * @return the value
     */
    static CborMap receipt() {
        return CborMap.builder()
                .put(1, CborText.of("lease.acquire"))
                .put(2, CborText.of("spiffe://cairn.example/cluster-a/node/agent-07"))
                .put(3, bytes32(3))
                .put(4, CborInt.of(42))
                .put(5, CborInt.of(1_234_567))
                .put(6, CborInt.of(1_795_000_000_123L))
                .put(7, bytes32(7))
                .put(8, bytes32(8))
                .put(
                        9,
                        CborMap.builder()
                                .put(1, CborInt.of(0))
                                .put(2, CborText.of("granted"))
                                .put(3, CborInt.of(-1))
                                .build())
                .put(10, CborArray.of(CborInt.of(1024), CborInt.of(517), bytes32(10), bytes32(11)))
                .put(11, bytes32(12))
                .build();
    }

    private static CborBytes bytes32(int seed) {
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (seed * 31 + i * 7);
        }
        return CborBytes.of(out);
    }

    /**
     * Cairn: canonical encoding of the value tree.
     *
     * @return the encoding
     */
    @Benchmark
    public byte[] cairnEncode() {
        return Cbor.encode(value);
    }

    /**
     * Cairn: strict, fully checked decoding under the default limits.
     *
     * @return the value
     */
    @Benchmark
    public CborValue cairnStrictDecode() {
        return Cbor.decode(bytes);
    }

    /**
     * Baseline: Jackson parses the same bytes into a tree, without any canonical-form checks.
     *
     * @return the tree
     * @throws IOException never, on these bytes
     */
    @Benchmark
    public JsonNode jacksonReadTree() throws IOException {
        return mapper.readTree(bytes);
    }

    /**
     * Baseline: Jackson writes the tree it parsed from the same bytes.
     *
     * @return the encoding
     * @throws IOException never
     */
    @Benchmark
    public byte[] jacksonWrite() throws IOException {
        return mapper.writeValueAsBytes(tree);
    }
}
