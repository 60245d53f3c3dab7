package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of the bundle's own items: every mismatch is {@code AUDIT_BUNDLE_MALFORMED}. */
final class Items {
    private Items() {}

    static CborValue decode(byte[] item, CborLimits limits, String what) {
        try {
            return Cbor.decode(item, limits);
        } catch (MalformedInputException e) {
            throw BundleErrors.malformed(what, e);
        }
    }

    static long uint(CborValue value, String what) {
        if (!(value instanceof CborInt i) || i.value() < 0) {
            throw BundleErrors.malformed(what + ": want an unsigned integer, got " + value.toDiagnostic());
        }
        return i.value();
    }

    static String text(CborValue value, String what) {
        if (!(value instanceof CborText t)) {
            throw BundleErrors.malformed(what + ": want a text string, got " + value.toDiagnostic());
        }
        return t.value();
    }

    static Bytes bytes(CborValue value, String what, int min, int max) {
        if (!(value instanceof CborBytes b)
                || b.value().length() < min
                || b.value().length() > max) {
            throw BundleErrors.malformed(what + ": want a byte string of " + min + " to " + max + " bytes");
        }
        return b.value();
    }

    static Digest hash(CborValue value, String what) {
        return new Digest(bytes(value, what, Digest.LENGTH, Digest.LENGTH));
    }

    static CborArray array(CborValue value, String what, int min, int max) {
        if (!(value instanceof CborArray a) || a.size() < min || a.size() > max) {
            throw BundleErrors.malformed(what + ": want an array of " + min + " to " + max + " items");
        }
        return a;
    }

    static List<Digest> hashes(CborValue value, String what) {
        CborArray array = array(value, what, 0, 64);
        List<Digest> hashes = new ArrayList<>(array.size());
        for (CborValue item : array.items()) {
            hashes.add(hash(item, what));
        }
        return hashes;
    }

    static CborArray hashArray(List<Digest> hashes) {
        List<CborValue> items = new ArrayList<>(hashes.size());
        hashes.forEach(h -> items.add(new CborBytes(h.bytes())));
        return new CborArray(items);
    }
}
