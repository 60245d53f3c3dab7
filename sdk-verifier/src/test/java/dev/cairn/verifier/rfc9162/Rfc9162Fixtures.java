package dev.cairn.verifier.rfc9162;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Shared helpers of the RFC 9162 tests: the interop files, digests, and outcome names. */
final class Rfc9162Fixtures {
    private Rfc9162Fixtures() {}

    static JsonNode resource(String name) {
        try (InputStream in = Rfc9162Fixtures.class.getResourceAsStream("/interop/rfc9162/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Digest> hexDigests(JsonNode array) {
        List<Digest> out = new ArrayList<>();
        array.forEach(node -> out.add(Digest.fromHex(node.asText())));
        return out;
    }

    static List<Digest> base64Digests(JsonNode array) {
        List<Digest> out = new ArrayList<>();
        array.forEach(node -> out.add(base64Digest(node.asText())));
        return out;
    }

    static Digest base64Digest(String text) {
        return Digest.of(Base64.getDecoder().decode(text));
    }

    static List<byte[]> hexBytes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(node -> out.add(HexFormat.of().parseHex(node.asText())));
        return out;
    }

    static List<byte[]> randomEntries(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The index in front keeps entries distinct: equal leaves would let a proof fit two indexes.
            byte[] entry = new byte[4 + random.nextInt(40)];
            random.nextBytes(entry);
            entry[0] = (byte) (i >>> 24);
            entry[1] = (byte) (i >>> 16);
            entry[2] = (byte) (i >>> 8);
            entry[3] = (byte) i;
            out.add(entry);
        }
        return out;
    }

    static Digest flipBit(Digest digest, int bit) {
        byte[] bytes = digest.toByteArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Digest.of(bytes);
    }

    static List<Digest> replace(List<Digest> path, int index, Digest value) {
        List<Digest> out = new ArrayList<>(path);
        out.set(index, value);
        return out;
    }

    /**
     * Runs an action and names what it did: {@code "ok"}, the code of the Cairn error it raised, or the
     * class of any other exception (which no test accepts).
     */
    static String outcome(Runnable action) {
        try {
            action.run();
            return "ok";
        } catch (CairnException e) {
            return e.code().name();
        } catch (RuntimeException e) {
            return "untyped " + e;
        }
    }

    static final String MALFORMED = ErrorCode.MERKLE_PROOF_MALFORMED.name();
    static final String INVALID = ErrorCode.MERKLE_PROOF_INVALID.name();
}
