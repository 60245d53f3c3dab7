package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162's definitions written out literally and slowly, as the oracle for the fast code: {@code
 * MTH} (section 2.1.1), {@code PATH} (2.1.3.1) and {@code PROOF}/{@code SUBPROOF} (2.1.4.1), recursive
 * over sub-lists of the entries, with a fresh {@link MessageDigest} for every hash. Subtree hashes are
 * memoised by range only so that all-pairs consistency checks stay affordable.
 */
final class ReferenceMerkleTree {
    private final List<byte[]> entries;
    private final Map<Long, Digest> memo = new HashMap<>();

    ReferenceMerkleTree(List<byte[]> entries) {
        this.entries = List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** {@code SHA-256(0x00 || d)}. */
    static Digest leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    Digest leafHash(int index) {
        return leafHash(entries.get(index));
    }

    /** {@code MTH(D[n])} of the first {@code n} entries. */
    Digest root(int n) {
        return mth(0, n);
    }

    /** {@code MTH(D[start:end])}. */
    private Digest mth(int start, int end) {
        long key = ((long) start << 32) | end;
        Digest cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        int n = end - start;
        Digest result;
        if (n == 0) {
            result = sha256();
        } else if (n == 1) {
            result = leafHash(entries.get(start));
        } else {
            int k = largestPowerOfTwoBelow(n);
            result = sha256(
                    new byte[] {0x01},
                    mth(start, start + k).toByteArray(),
                    mth(start + k, end).toByteArray());
        }
        memo.put(key, result);
        return result;
    }

    /** {@code PATH(m, D[n])} over the first {@code n} entries. */
    List<Digest> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<Digest> path(int m, int start, int end) {
        int n = end - start;
        List<Digest> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, start, start + k));
            out.add(mth(start + k, end));
        } else {
            out.addAll(path(m - k, start + k, end));
            out.add(mth(start, start + k));
        }
        return out;
    }

    /** {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)} for {@code 0 < m < n}. */
    List<Digest> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<Digest> subproof(int m, int start, int end, boolean b) {
        int n = end - start;
        List<Digest> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(start, end));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, start, start + k, b));
            out.add(mth(start + k, end));
        } else {
            out.addAll(subproof(m - k, start + k, end, false));
            out.add(mth(start, start + k));
        }
        return out;
    }

    /** The largest power of two strictly below {@code n}, for {@code n > 1}. */
    static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static Digest sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return Digest.of(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
