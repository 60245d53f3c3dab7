package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.Cbor;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.util.HexFormat;

/**
 * {@code key} vectors ({@code spec/cose.md}): private bytes give the public key, its COSE_Key and
 * its derived kid, and the COSE_Key decodes to the same key; a rejected public key (raw or as a
 * COSE_Key) raises the vector's code.
 */
final class KeyCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        SigningKey key =
                SigningKey.fromPrivateKeyBytes(keyType(v), Fields.hex(v, "private_key"), InsecureSecretKeyAccess.get());
        VerificationKey pub = key.verificationKey();
        Fields.same("public_key", Fields.text(v, "public_key"), pub.encoded().toHex());
        Fields.same("cose_key", Fields.text(v, "cose_key"), HexFormat.of().formatHex(Cbor.encode(pub.toCoseKey())));
        Fields.same("kid", Fields.text(v, "kid"), pub.kid().toHex());
        VerificationKey decoded = VerificationKey.fromCoseKey(Fields.coseKeyMap(Fields.hex(v, "cose_key")));
        Fields.same("decoded cose_key", pub, decoded);
    }

    @Override
    public void reject(JsonNode v) {
        if (v.has("cose_key")) {
            VerificationKey.fromCoseKey(Fields.coseKeyMap(Fields.hex(v, "cose_key")));
        } else {
            VerificationKey.fromEncoded(keyType(v), Fields.hex(v, "public_key"));
        }
    }

    private static KeyType keyType(JsonNode v) {
        return Fields.constant(KeyType.class, Fields.text(v, "key_type"), "key_type");
    }
}
