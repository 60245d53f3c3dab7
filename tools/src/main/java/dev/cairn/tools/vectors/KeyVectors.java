package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.util.HexFormat;

/** Key vectors: private bytes to public key, COSE_Key and derived kid; and invalid keys. */
final class KeyVectors {
    private static final HexFormat HEX = HexFormat.of();

    private KeyVectors() {}

    static void generate(VectorSet set) {
        for (KeyType type : KeyType.values()) {
            for (int n = 1; n <= 2; n++) {
                SigningKey key = VectorKeys.key(type, n);
                VerificationKey pub = key.verificationKey();
                ObjectNode node = set.accept(
                        "key",
                        type.name().toLowerCase(java.util.Locale.ROOT) + "-" + n,
                        type + " key from private bytes SHA-256(\"cairn vector key "
                                + type.name().toLowerCase(java.util.Locale.ROOT) + " #" + n + "\")");
                node.put("key_type", type.name());
                node.put("private_key", HEX.formatHex(VectorKeys.privateBytes(type, n)));
                node.put("public_key", pub.encoded().toHex());
                node.put("cose_key", HEX.formatHex(Cbor.encode(pub.toCoseKey())));
                node.put("kid", pub.kid().toHex());
            }
        }
        String p256 =
                VectorKeys.key(KeyType.P256, 1).verificationKey().encoded().toHex();
        encodedReject(set, "ed25519-short", "a 31-byte Ed25519 public key", KeyType.ED25519, "11".repeat(31));
        encodedReject(set, "p256-compressed", "a compressed P-256 point", KeyType.P256, "02" + p256.substring(2, 66));
        encodedReject(
                set, "p256-off-curve", "a P-256 point with y changed in its last bit", KeyType.P256, flipLastBit(p256));
        encodedReject(set, "p256-infinity", "the point at infinity", KeyType.P256, "00");
        VerificationKey ed = VectorKeys.key(KeyType.ED25519, 1).verificationKey();
        CborMap withPrivate = CborMap.builder()
                .put(1, CborInt.of(1))
                .put(-1, CborInt.of(6))
                .put(-2, new CborBytes(ed.encoded()))
                .put(-4, new CborBytes(ed.encoded()))
                .build();
        coseReject(
                set,
                "cose-key-private-d",
                "a COSE_Key carrying a private d",
                withPrivate,
                ErrorCode.CBOR_UNKNOWN_FIELD);
        CborMap x25519 = CborMap.builder()
                .put(1, CborInt.of(1))
                .put(-1, CborInt.of(4))
                .put(-2, new CborBytes(ed.encoded()))
                .build();
        coseReject(
                set,
                "cose-key-x25519",
                "an OKP key on X25519, not a signature curve",
                x25519,
                ErrorCode.KEY_UNSUPPORTED);
        CborMap wrongKid = CborMap.builder()
                .put(1, CborInt.of(1))
                .put(2, CborBytes.of(new byte[32]))
                .put(-1, CborInt.of(6))
                .put(-2, new CborBytes(ed.encoded()))
                .build();
        coseReject(set, "cose-key-wrong-kid", "a kid that is not the derived kid", wrongKid, ErrorCode.KEY_INVALID);
    }

    private static String flipLastBit(String hex) {
        int last = Integer.parseInt(hex.substring(hex.length() - 2), 16) ^ 1;
        return hex.substring(0, hex.length() - 2) + String.format("%02x", last);
    }

    private static void encodedReject(VectorSet set, String name, String description, KeyType type, String hex) {
        ObjectNode node = set.reject("key", name, description, ErrorCode.KEY_INVALID);
        node.put("key_type", type.name());
        node.put("public_key", hex);
    }

    private static void coseReject(VectorSet set, String name, String description, CborMap key, ErrorCode want) {
        ObjectNode node = set.reject("key", name, description, want);
        node.put("cose_key", HEX.formatHex(Cbor.encode(key)));
    }
}
