package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.math.BigInteger;
import java.time.Instant;

/** Shared mechanics of the revocation wire formats: strict field reads and the serial encoding. */
final class Wire {
    private Wire() {}

    static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.REVOCATION_MALFORMED, message);
    }

    /** Decodes one canonical CBOR item under limits; it must be a map. */
    static CborMap map(byte[] input, CborLimits limits, String what) {
        return map(Cbor.decode(input, limits), what);
    }

    static CborMap map(CborValue value, String what) {
        if (!(value instanceof CborMap map)) {
            throw malformed(what + " must be a map");
        }
        return map;
    }

    /** A required unsigned integer field. */
    static long uint(CborMap map, long key, String field) {
        long value = map.requireInt(key);
        if (value < 0) {
            throw malformed(field + " " + value + " is negative, want an unsigned integer");
        }
        return value;
    }

    /** A required time field: milliseconds since 1970-01-01T00:00:00Z. */
    static Instant millis(CborMap map, long key, String field) {
        return Instant.ofEpochMilli(uint(map, key, field));
    }

    /** Whether an instant is representable on the wire: whole milliseconds, not before 1970. */
    static boolean isWireTime(Instant instant) {
        if (instant.isBefore(Instant.EPOCH) || instant.getNano() % 1_000_000 != 0) {
            return false;
        }
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** The serial as its minimal unsigned big-endian bytes: 1 to 20, the first never zero. */
    static CborBytes serial(BigInteger serial) {
        byte[] twos = serial.toByteArray();
        int skip = twos[0] == 0 ? 1 : 0;
        return new CborBytes(Bytes.copyOf(twos, skip, twos.length - skip));
    }

    /** Reads a serial field strictly: minimal, positive, within RFC 5280's 20 octets. */
    static BigInteger serial(CborMap map, long key) {
        byte[] bytes = map.requireBytes(key).toByteArray();
        if (bytes.length == 0 || bytes[0] == 0) {
            throw malformed("serial " + Bytes.copyOf(bytes).toHex() + " is not minimal and positive");
        }
        BigInteger serial = new BigInteger(1, bytes);
        if (serial.bitLength() > RevocationEntry.MAX_SERIAL_BITS) {
            throw malformed("serial of " + serial.bitLength() + " bits, want at most " + RevocationEntry.MAX_SERIAL_BITS
                    + " (20 DER octets)");
        }
        return serial;
    }

    /** A required 32-byte digest field. */
    static Digest digest(CborMap map, long key, String field) {
        Bytes bytes = map.requireBytes(key);
        if (bytes.length() != Digest.LENGTH) {
            throw malformed(field + " of " + bytes.length() + " bytes, want 32");
        }
        return new Digest(bytes);
    }

    static CborInt time(Instant instant) {
        return CborInt.of(instant.toEpochMilli());
    }
}
