package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborValue;
import java.util.HexFormat;

/**
 * {@code cbor} vectors ({@code spec/cbor.md}): the strict reader under {@code CborLimits.DEFAULT}
 * decodes an accepted input to its diagnostic form and re-encodes it byte for byte; a rejected
 * input raises the vector's code at its {@code offset}.
 */
final class CborCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        byte[] input = Fields.hex(v, "input");
        CborValue value = Cbor.decode(input);
        Fields.same("diagnostic", Fields.text(v, "diagnostic"), value.toDiagnostic());
        Fields.same(
                "re-encoding", HexFormat.of().formatHex(input), HexFormat.of().formatHex(Cbor.encode(value)));
    }

    @Override
    public void reject(JsonNode v) {
        Cbor.decode(Fields.hex(v, "input"));
    }
}
