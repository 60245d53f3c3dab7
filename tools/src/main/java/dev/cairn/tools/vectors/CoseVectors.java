package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * COSE_Sign1 vectors: messages a verifier must accept under stated rules, and mutations it must
 * reject with a given code. Each vector names the verification key (as COSE_Key), the allowed
 * algorithms, whether the kid is checked, extra understood critical labels, the external AAD and,
 * for detached messages, the payload.
 */
final class CoseVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PAYLOAD =
            "{\"action\":\"node.enroll\",\"node\":\"n-7\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "cairn/demo/context".getBytes(StandardCharsets.US_ASCII);

    private CoseVectors() {}

    static void generate(VectorSet set) {
        SigningKey ed = VectorKeys.key(KeyType.ED25519, 1);
        SigningKey ed2 = VectorKeys.key(KeyType.ED25519, 2);
        SigningKey p256 = VectorKeys.key(KeyType.P256, 1);
        CoseSigner edSigner = CoseSigner.builder(ed).build();
        CoseSigner p256Signer = CoseSigner.builder(p256).build();

        accept(set, "ed25519-attached", "EdDSA, attached payload", ed, edSigner.sign(PAYLOAD), null, new byte[0]);
        accept(
                set,
                "ed25519-detached",
                "EdDSA, detached payload",
                ed,
                edSigner.signDetached(PAYLOAD),
                PAYLOAD,
                new byte[0]);
        accept(
                set,
                "ed25519-external-aad",
                "EdDSA, attached payload, external AAD",
                ed,
                edSigner.sign(PAYLOAD, AAD),
                null,
                AAD);
        accept(
                set,
                "ed25519-empty-payload",
                "EdDSA, empty attached payload",
                ed,
                edSigner.sign(new byte[0]),
                null,
                new byte[0]);
        CoseSigner typed =
                CoseSigner.builder(ed).contentType("application/json").build();
        accept(
                set,
                "ed25519-content-type",
                "EdDSA with a protected content type",
                ed,
                typed.sign(PAYLOAD),
                null,
                new byte[0]);
        accept(
                set,
                "es256-attached",
                "ES256 (RFC 6979 nonce), attached payload",
                p256,
                p256Signer.sign(PAYLOAD),
                null,
                new byte[0]);
        accept(
                set,
                "es256-detached-aad",
                "ES256, detached payload, external AAD",
                p256,
                p256Signer.signDetached(PAYLOAD, AAD),
                PAYLOAD,
                AAD);

        byte[] base = edSigner.sign(PAYLOAD).encode();
        Rules rules = new Rules(ed, List.of(CoseAlgorithm.EDDSA), false, List.of(), new byte[0], null);
        reject(
                set,
                "flipped-sig-bit",
                "last bit of the signature flipped",
                flip(base, base.length - 1),
                rules,
                ErrorCode.COSE_BAD_SIGNATURE);
        int payloadAt = indexOf(base, PAYLOAD);
        reject(
                set,
                "flipped-payload-bit",
                "one bit of the payload flipped",
                flip(base, payloadAt),
                rules,
                ErrorCode.COSE_BAD_SIGNATURE);
        reject(
                set,
                "truncated",
                "last byte removed",
                Arrays.copyOf(base, base.length - 1),
                rules,
                ErrorCode.CBOR_TRUNCATED);
        reject(
                set,
                "untagged",
                "the same message without tag 18",
                Arrays.copyOfRange(base, 1, base.length),
                rules,
                ErrorCode.COSE_STRUCTURE);
        reject(
                set,
                "wrong-external-aad",
                "signed with external AAD, verified without",
                edSigner.sign(PAYLOAD, AAD).encode(),
                rules,
                ErrorCode.COSE_BAD_SIGNATURE);
        reject(
                set,
                "detached-verified-attached",
                "a detached message verified as attached",
                edSigner.signDetached(PAYLOAD).encode(),
                rules,
                ErrorCode.COSE_PAYLOAD_MISMATCH);
        Rules withPayload = new Rules(ed, List.of(CoseAlgorithm.EDDSA), false, List.of(), new byte[0], PAYLOAD);
        reject(
                set,
                "attached-verified-detached",
                "an attached message verified as detached",
                base,
                withPayload,
                ErrorCode.COSE_PAYLOAD_MISMATCH);
        Rules edOnly = new Rules(p256, List.of(CoseAlgorithm.EDDSA), false, List.of(), new byte[0], null);
        reject(
                set,
                "alg-not-allowed",
                "ES256 message, verifier allows EdDSA only",
                p256Signer.sign(PAYLOAD).encode(),
                edOnly,
                ErrorCode.COSE_ALG_NOT_ALLOWED);
        Rules both =
                new Rules(p256, List.of(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256), false, List.of(), new byte[0], null);
        reject(
                set,
                "alg-key-mismatch",
                "EdDSA message checked with a P-256 key",
                base,
                both,
                ErrorCode.COSE_ALG_KEY_MISMATCH);
        Rules otherKey = new Rules(ed2, List.of(CoseAlgorithm.EDDSA), false, List.of(), new byte[0], null);
        reject(
                set,
                "kid-mismatch",
                "signed by key 1, verified with key 2",
                base,
                otherKey,
                ErrorCode.COSE_KID_MISMATCH);
        Rules otherKeyNoKid = new Rules(ed2, List.of(CoseAlgorithm.EDDSA), true, List.of(), new byte[0], null);
        reject(
                set,
                "wrong-key-kid-ignored",
                "signed by key 1, verified with key 2 and the kid ignored",
                base,
                otherKeyNoKid,
                ErrorCode.COSE_BAD_SIGNATURE);

        CborBytes kid = new CborBytes(ed.verificationKey().kid());
        CborMap kidOnly = CborMap.builder().put(4, kid).build();
        CborMap algUnprotected = CborMap.builder().put(1, CborInt.of(-8)).build();
        reject(
                set,
                "alg-unprotected",
                "alg in the unprotected header only",
                handBuilt(ed, Cbor.encode(kidOnly), algUnprotected),
                rules,
                ErrorCode.COSE_ALG_MISSING);
        CborMap unknownCrit = CborMap.builder()
                .put(1, CborInt.of(-8))
                .put(2, CborArray.of(CborInt.of(99)))
                .put(4, kid)
                .put(99, CborInt.of(1))
                .build();
        reject(
                set,
                "unknown-critical",
                "crit names label 99, which the verifier does not understand",
                handBuilt(ed, Cbor.encode(unknownCrit), CborMap.empty()),
                rules,
                ErrorCode.COSE_UNKNOWN_CRITICAL);
        Rules understands99 = new Rules(ed, List.of(CoseAlgorithm.EDDSA), false, List.of(99L), new byte[0], null);
        accept(
                set,
                "understood-critical",
                "crit names label 99 and the verifier declares it understood",
                ed,
                handBuiltMessage(ed, Cbor.encode(unknownCrit), CborMap.empty()),
                understands99);
        CborMap critAbsent = CborMap.builder()
                .put(1, CborInt.of(-8))
                .put(2, CborArray.of(CborInt.of(98)))
                .put(4, kid)
                .build();
        reject(
                set,
                "crit-label-absent",
                "crit names a label missing from the protected header",
                handBuilt(ed, Cbor.encode(critAbsent), CborMap.empty()),
                rules,
                ErrorCode.COSE_CRIT_INVALID);
        CborMap protectedStd =
                CborMap.builder().put(1, CborInt.of(-8)).put(4, kid).build();
        CborMap kidAgain = CborMap.builder().put(4, kid).build();
        reject(
                set,
                "duplicate-label",
                "kid in both the protected and the unprotected header",
                handBuilt(ed, Cbor.encode(protectedStd), kidAgain),
                rules,
                ErrorCode.COSE_HEADER_DUPLICATE);
        byte[] unsorted = concat(
                new byte[] {(byte) 0xa2, 0x04, 0x58, 0x20},
                ed.verificationKey().kid().toByteArray(),
                new byte[] {0x01, 0x27});
        reject(
                set,
                "non-canonical-protected",
                "protected header with keys 4 then 1",
                handBuilt(ed, unsorted, CborMap.empty()),
                rules,
                ErrorCode.COSE_HEADER_INVALID);
    }

    /** What a verifier is told for one vector. */
    private record Rules(
            SigningKey key,
            List<CoseAlgorithm> allowed,
            boolean ignoreKid,
            List<Long> understoodCritical,
            byte[] externalAad,
            byte[] detachedPayload) {}

    private static void accept(
            VectorSet set,
            String name,
            String description,
            SigningKey key,
            CoseSign1 message,
            byte[] detached,
            byte[] aad) {
        Rules rules = new Rules(key, List.of(CoseAlgorithm.forKeyType(key.type())), false, List.of(), aad, detached);
        accept(set, name, description, key, message, rules);
    }

    private static void accept(
            VectorSet set, String name, String description, SigningKey key, CoseSign1 message, Rules rules) {
        ObjectNode node = set.accept("cose", name, description);
        writeRules(node, rules);
        node.put("signing_key", HEX.formatHex(VectorKeys.privateBytes(key.type(), keyNumber(key))));
        node.put(
                "payload", message.payload().map(Bytes::toHex).orElseGet(() -> HEX.formatHex(rules.detachedPayload())));
        node.put("message", HEX.formatHex(message.encode()));
    }

    private static void reject(
            VectorSet set, String name, String description, byte[] message, Rules rules, ErrorCode want) {
        ObjectNode node = set.reject("cose", name, description, want);
        writeRules(node, rules);
        node.put("message", HEX.formatHex(message));
    }

    private static void writeRules(ObjectNode node, Rules rules) {
        node.put(
                "verification_key",
                HEX.formatHex(Cbor.encode(rules.key().verificationKey().toCoseKey())));
        ArrayNode algs = node.putArray("allowed_algorithms");
        rules.allowed().forEach(a -> algs.add(a.name()));
        node.put("ignore_kid", rules.ignoreKid());
        ArrayNode crit = node.putArray("understood_critical");
        rules.understoodCritical().forEach(crit::add);
        node.put("external_aad", HEX.formatHex(rules.externalAad()));
        if (rules.detachedPayload() != null) {
            node.put("detached_payload", HEX.formatHex(rules.detachedPayload()));
        }
    }

    private static int keyNumber(SigningKey key) {
        for (int n = 1; n <= 2; n++) {
            if (VectorKeys.key(key.type(), n).verificationKey().equals(key.verificationKey())) {
                return n;
            }
        }
        throw new IllegalArgumentException("not a vector key: " + key);
    }

    /** Signs arbitrary protected header bytes, for messages a conforming signer would not produce. */
    private static CoseSign1 handBuiltMessage(SigningKey key, byte[] protectedHeader, CborMap unprotected) {
        CborValue toBeSigned = CborArray.of(
                CborText.of("Signature1"),
                CborBytes.of(protectedHeader),
                CborBytes.of(new byte[0]),
                CborBytes.of(PAYLOAD));
        byte[] signature = key.sign(Cbor.encode(toBeSigned));
        return new CoseSign1(
                Bytes.copyOf(protectedHeader),
                unprotected,
                Optional.of(Bytes.copyOf(PAYLOAD)),
                Bytes.copyOf(signature));
    }

    private static byte[] handBuilt(SigningKey key, byte[] protectedHeader, CborMap unprotected) {
        return handBuiltMessage(key, protectedHeader, unprotected).encode();
    }

    private static byte[] flip(byte[] message, int index) {
        byte[] copy = message.clone();
        copy[index] ^= 1;
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("payload not found");
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
