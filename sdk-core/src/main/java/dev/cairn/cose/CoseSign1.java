package dev.cairn.cose;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborTag;
import dev.cairn.cbor.CborValue;
import dev.cairn.cbor.internal.StrictReader;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * A COSE_Sign1 message (RFC 9052 section 4.2), not yet verified: {@code 18([protected, unprotected,
 * payload / nil, signature])}.
 *
 * <p>Cairn always writes and reads the tagged form. Nothing here is trusted: use {@link
 * CoseVerifier} to obtain a {@link VerifiedSign1}.
 *
 * @param protectedHeader the serialized protected header map (the bytes the signature covers)
 * @param unprotectedHeader the unprotected header map
 * @param payload the attached payload, or empty when detached
 * @param signature the signature bytes
 */
public record CoseSign1(Bytes protectedHeader, CborMap unprotectedHeader, Optional<Bytes> payload, Bytes signature) {
    /** The CBOR tag of COSE_Sign1_Tagged. */
    public static final long TAG = 18;

    /**
     * Validates the components.
     *
     * @param protectedHeader the serialized protected header map
     * @param unprotectedHeader the unprotected header map
     * @param payload the attached payload, or empty when detached
     * @param signature the signature bytes
     */
    public CoseSign1 {
        Objects.requireNonNull(protectedHeader, "protectedHeader");
        Objects.requireNonNull(unprotectedHeader, "unprotectedHeader");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads the structure of a tagged COSE_Sign1 under the given limits. Checks the shape only; it
     * verifies nothing.
     *
     * @param encoded the tagged COSE_Sign1 bytes
     * @param limits CBOR decoding bounds; tag 18 is allowed at the top level only
     * @return the message
     * @throws MalformedInputException {@code CBOR_*} for invalid CBOR, {@link ErrorCode#COSE_STRUCTURE}
     *     for another shape
     */
    public static CoseSign1 decode(byte[] encoded, CborLimits limits) {
        if (encoded.length == 0 || (encoded[0] & 0xff) != 0xd2) {
            throw new MalformedInputException(ErrorCode.COSE_STRUCTURE, "want tag 18 (0xd2) first", 0);
        }
        CborValue body = StrictReader.decode(encoded, 1, limits);
        if (!(body instanceof CborArray array) || array.size() != 4) {
            throw new MalformedInputException(ErrorCode.COSE_STRUCTURE, "want an array of 4 items after tag 18", 1);
        }
        if (!(array.get(0) instanceof CborBytes prot)
                || !(array.get(1) instanceof CborMap unprot)
                || !(array.get(3) instanceof CborBytes sig)) {
            throw new MalformedInputException(ErrorCode.COSE_STRUCTURE, "want [bstr, map, bstr / nil, bstr]", 1);
        }
        Optional<Bytes> payload;
        if (array.get(2) instanceof CborBytes attached) {
            payload = Optional.of(attached.value());
        } else if (array.get(2) == CborNull.NULL) {
            payload = Optional.empty();
        } else {
            throw new MalformedInputException(ErrorCode.COSE_STRUCTURE, "payload must be a byte string or nil", 1);
        }
        return new CoseSign1(prot.value(), unprot, payload, sig.value());
    }

    /**
     * Encodes the tagged message canonically.
     *
     * @return {@code 18([protected, unprotected, payload / nil, signature])} as bytes
     */
    public byte[] encode() {
        CborValue payloadItem = payload.<CborValue>map(CborBytes::new).orElse(CborNull.NULL);
        return Cbor.encode(new CborTag(
                TAG,
                CborArray.of(
                        new CborBytes(protectedHeader), unprotectedHeader, payloadItem, new CborBytes(signature))));
    }
}
