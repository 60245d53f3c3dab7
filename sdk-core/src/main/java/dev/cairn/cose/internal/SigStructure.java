package dev.cairn.cose.internal;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborText;

/** The bytes a COSE_Sign1 signature covers (RFC 9052 section 4.4). */
public final class SigStructure {
    private static final CborText CONTEXT = CborText.of("Signature1");

    private SigStructure() {}

    /**
     * Encodes {@code ["Signature1", body_protected, external_aad, payload]}.
     *
     * @param protectedHeader the serialized protected header
     * @param externalAad externally supplied data, possibly empty
     * @param payload the payload, attached or detached
     * @return the canonical encoding to sign or verify
     */
    public static byte[] toBeSigned(Bytes protectedHeader, Bytes externalAad, Bytes payload) {
        return Cbor.encode(CborArray.of(
                CONTEXT, new CborBytes(protectedHeader), new CborBytes(externalAad), new CborBytes(payload)));
    }
}
