package dev.cairn.mmr.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading and canonical writing of the CBOR shapes of MMR proofs: unsigned integers, arrays
 * of a fixed arity, and arrays of 32-byte hashes. Every shape error is {@link
 * ErrorCode#MMR_PROOF_MALFORMED}.
 */
public final class ProofCodec {
    /** Most entries in any list of a proof: a path, the list of paths, or the right peaks. */
    public static final int MAX_ENTRIES = 64;

    private ProofCodec() {}

    /**
     * Writes hashes as an array of byte strings.
     *
     * @param hashes the values
     * @return {@code [* bstr .size 32]}
     */
    public static CborArray hashes(List<Digest> hashes) {
        List<CborValue> items = new ArrayList<>(hashes.size());
        hashes.forEach(h -> items.add(new CborBytes(h.bytes())));
        return new CborArray(items);
    }

    /**
     * Reads an array of a given length.
     *
     * @param value the item
     * @param arity the required number of elements
     * @param what the field's name, for the message
     * @return the array
     */
    public static CborArray array(CborValue value, int arity, String what) {
        if (!(value instanceof CborArray array) || array.size() != arity) {
            throw malformed(what + ": want an array of " + arity + ", got " + describe(value));
        }
        return array;
    }

    /**
     * Reads an unsigned integer.
     *
     * @param value the item
     * @param what the field's name, for the message
     * @return the value, at least 0
     */
    public static long uint(CborValue value, String what) {
        if (!(value instanceof CborInt i) || i.value() < 0) {
            throw malformed(what + ": want an unsigned integer, got " + describe(value));
        }
        return i.value();
    }

    /**
     * Reads an array of at most {@link #MAX_ENTRIES} 32-byte byte strings.
     *
     * @param value the item
     * @param what the field's name, for the message
     * @return the hashes, in order
     */
    public static List<Digest> hashes(CborValue value, String what) {
        List<CborValue> items = list(value, what);
        List<Digest> out = new ArrayList<>(items.size());
        for (CborValue item : items) {
            if (!(item instanceof CborBytes b) || b.value().length() != Digest.LENGTH) {
                throw malformed(what + ": want 32-byte byte strings, got " + describe(item));
            }
            out.add(new Digest(b.value()));
        }
        return out;
    }

    /**
     * Reads an array of at most {@link #MAX_ENTRIES} items.
     *
     * @param value the item
     * @param what the field's name, for the message
     * @return the elements
     */
    public static List<CborValue> list(CborValue value, String what) {
        if (!(value instanceof CborArray array)) {
            throw malformed(what + ": want an array, got " + describe(value));
        }
        if (array.size() > MAX_ENTRIES) {
            throw malformed(what + ": " + array.size() + " entries, want at most " + MAX_ENTRIES);
        }
        return array.items();
    }

    /**
     * Checks a list length against {@link #MAX_ENTRIES}.
     *
     * @param size the number of entries
     * @param what the field's name, for the message
     */
    public static void checkEntries(int size, String what) {
        if (size > MAX_ENTRIES) {
            throw malformed(what + ": " + size + " entries, want at most " + MAX_ENTRIES);
        }
    }

    private static String describe(CborValue value) {
        if (value instanceof CborArray a) {
            return "an array of " + a.size();
        }
        if (value instanceof CborBytes b) {
            return "a byte string of " + b.value().length();
        }
        return value instanceof CborInt i
                ? Long.toString(i.value())
                : value.getClass().getSimpleName();
    }

    /**
     * Creates the shape error.
     *
     * @param message what was wrong
     * @return the exception, for the caller to throw
     */
    public static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.MMR_PROOF_MALFORMED, message);
    }
}
