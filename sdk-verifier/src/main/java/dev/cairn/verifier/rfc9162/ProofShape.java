package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The exact number of hashes an RFC 9162 proof has for its index and sizes, read off the recursive
 * definitions of {@code PATH} (section 2.1.3.1) and {@code SUBPROOF} (section 2.1.4.1) by following
 * their recursion on the sizes alone; and the bounds every proof has.
 */
final class ProofShape {
    /** No proof for a tree of at most 2^63 - 1 leaves has more entries. */
    static final int MAX_PATH = 64;

    private ProofShape() {}

    /**
     * The length of {@code PATH(m, D[n])}: one hash per recursion step until a single leaf is left.
     *
     * @param m the leaf index, {@code 0 <= m < n}
     * @param n the tree size
     * @return the number of hashes in the inclusion path
     */
    static int inclusionLength(long m, long n) {
        int length = 0;
        while (n > 1) {
            long k = Long.highestOneBit(n - 1);
            if (m < k) {
                n = k;
            } else {
                m -= k;
                n -= k;
            }
            length++;
        }
        return length;
    }

    /**
     * The length of {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)}: one hash per recursion step,
     * plus {@code MTH(D[m])} at the end unless every step went left (then {@code b} is still true and
     * the verifier supplies the earlier root itself).
     *
     * @param m the earlier size, {@code 0 < m < n}
     * @param n the later size
     * @return the number of hashes in the consistency path
     */
    static int consistencyLength(long m, long n) {
        int length = 0;
        boolean onlyLeft = true;
        while (m != n) {
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
                onlyLeft = false;
            }
            length++;
        }
        return onlyLeft ? length : length + 1;
    }

    /**
     * Copies a path after checking its bound, before looking at its entries.
     *
     * @param path the hashes
     * @param what the proof's kind, for the message
     * @return an immutable copy
     */
    static List<Digest> copyPath(List<Digest> path, String what) {
        Objects.requireNonNull(path, "path");
        if (path.size() > MAX_PATH) {
            throw malformed(
                    what + " path of " + path.size() + " entries, at most " + MAX_PATH,
                    "at most " + MAX_PATH,
                    Integer.toString(path.size()));
        }
        return List.copyOf(path);
    }

    /**
     * Reads raw path entries, each of which must be a 32-byte SHA-256 value.
     *
     * @param hashes the entries
     * @param what the proof's kind, for the message
     * @return the path
     */
    static List<Digest> digests(List<byte[]> hashes, String what) {
        Objects.requireNonNull(hashes, "hashes");
        if (hashes.size() > MAX_PATH) {
            throw malformed(
                    what + " path of " + hashes.size() + " entries, at most " + MAX_PATH,
                    "at most " + MAX_PATH,
                    Integer.toString(hashes.size()));
        }
        List<Digest> path = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            byte[] hash = Objects.requireNonNull(hashes.get(i), "hash");
            if (hash.length != Digest.LENGTH) {
                throw malformed(
                        what + " path entry " + i + " has " + hash.length + " bytes, want " + Digest.LENGTH,
                        Integer.toString(Digest.LENGTH),
                        Integer.toString(hash.length));
            }
            path.add(Digest.of(hash));
        }
        return path;
    }

    /**
     * Checks that a path has exactly the expected length.
     *
     * @param got the path's length
     * @param want the length the shape implies
     * @param what the proof, for the message
     */
    static void checkLength(int got, int want, String what) {
        if (got != want) {
            throw malformed(
                    what + ": got " + got + " path entries, want " + want,
                    Integer.toString(want),
                    Integer.toString(got));
        }
    }

    /**
     * A {@link ErrorCode#MERKLE_PROOF_MALFORMED} error with expected and found values.
     *
     * @param message "got X, want Y"
     * @param expected what the shape requires
     * @param found what the proof has
     * @return the exception, for the caller to throw
     */
    static MalformedInputException malformed(String message, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(ErrorCode.MERKLE_PROOF_MALFORMED, message, -1, details, null);
    }
}
