package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSigner;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks one vector against sdk-core. A check returns normally when the vector holds and throws
 * {@link VectorFailure} saying what differed otherwise.
 */
final class VectorChecks {
    private static final HexFormat HEX = HexFormat.of();

    private VectorChecks() {}

    /** A vector that does not hold. */
    static final class VectorFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VectorFailure(String message) {
            super(message);
        }
    }

    static void check(JsonNode vector) {
        String kind = vector.path("kind").asText();
        boolean accept = "accept".equals(vector.path("expect").asText());
        if (vector.path("format").asInt() != VectorSet.FORMAT_VERSION) {
            throw new VectorFailure("format " + vector.path("format") + ", want " + VectorSet.FORMAT_VERSION);
        }
        if (accept) {
            try {
                checkAccept(kind, vector);
            } catch (CairnException e) {
                throw new VectorFailure("rejected with " + e.code() + ", want accept");
            }
            return;
        }
        String want = vector.path("error").asText();
        try {
            runReject(kind, vector);
        } catch (CairnException e) {
            if (!e.code().name().equals(want)) {
                throw new VectorFailure("got " + e.code() + ", want " + want);
            }
            if (vector.has("offset") && e instanceof MalformedInputException m) {
                long offset = m.offset().orElse(-1);
                if (offset != vector.get("offset").asLong()) {
                    throw new VectorFailure("offset " + offset + ", want "
                            + vector.get("offset").asLong());
                }
            }
            return;
        }
        throw new VectorFailure("accepted, want " + want);
    }

    private static void checkAccept(String kind, JsonNode v) {
        switch (kind) {
            case "cbor" -> {
                byte[] input = hex(v, "input");
                CborValue value = Cbor.decode(input);
                same("diagnostic", v.path("diagnostic").asText(), value.toDiagnostic());
                same("re-encoding", v.path("input").asText(), HEX.formatHex(Cbor.encode(value)));
            }
            case "hash" -> {
                HashDomain domain = Arrays.stream(HashDomain.values())
                        .filter(d -> d.tag().equals(v.path("domain").asText()))
                        .findFirst()
                        .orElseThrow(() -> new VectorFailure("unknown domain " + v.path("domain")));
                same(
                        "digest",
                        v.path("digest").asText(),
                        DomainHash.of(domain, hex(v, "data")).toHex());
            }
            case "key" -> {
                KeyType type = KeyType.valueOf(v.path("key_type").asText());
                SigningKey key =
                        SigningKey.fromPrivateKeyBytes(type, hex(v, "private_key"), InsecureSecretKeyAccess.get());
                VerificationKey pub = key.verificationKey();
                same("public_key", v.path("public_key").asText(), pub.encoded().toHex());
                same("cose_key", v.path("cose_key").asText(), HEX.formatHex(Cbor.encode(pub.toCoseKey())));
                same("kid", v.path("kid").asText(), pub.kid().toHex());
                VerificationKey decoded = VerificationKey.fromCoseKey((CborMap) Cbor.decode(hex(v, "cose_key")));
                same("decoded cose_key", pub.toString(), decoded.toString());
            }
            case "cose" -> {
                VerifiedSign1 verified = verifyCose(hex(v, "message"), v);
                same("payload", v.path("payload").asText(), verified.payload().toHex());
                if (v.has("signing_key") && v.path("understood_critical").isEmpty()) {
                    checkResign(v, verified);
                }
            }
            case "mmr" -> MmrVectors.checkAccept(v);
            case "checkpoint", "receipt" -> ReceiptVectors.checkAccept(v);
            case CoseReceiptVectors.KIND -> CoseReceiptVectors.checkAccept(v);
            case TrustVectors.KIND -> TrustVectors.checkAccept(v);
            default -> throw new VectorFailure("unknown kind " + kind);
        }
    }

    /** Signing is deterministic: the vector's key signs the same bytes again. */
    private static void checkResign(JsonNode v, VerifiedSign1 verified) {
        SigningKey key = SigningKey.fromPrivateKeyBytes(
                verified.key().type(), hex(v, "signing_key"), InsecureSecretKeyAccess.get());
        CoseSigner.Builder builder = CoseSigner.builder(key);
        verified.protectedHeader().get(3L).ifPresent(ct -> builder.contentType(((dev.cairn.cbor.CborText) ct).value()));
        CoseSigner signer = builder.build();
        byte[] payload = verified.payload().toByteArray();
        byte[] aad = hex(v, "external_aad");
        byte[] again =
                (v.has("detached_payload") ? signer.signDetached(payload, aad) : signer.sign(payload, aad)).encode();
        same("re-signed message", v.path("message").asText(), HEX.formatHex(again));
    }

    private static void runReject(String kind, JsonNode v) {
        switch (kind) {
            case "cbor" -> Cbor.decode(hex(v, "input"));
            case "key" -> {
                if (v.has("cose_key")) {
                    VerificationKey.fromCoseKey((CborMap) Cbor.decode(hex(v, "cose_key")));
                } else {
                    VerificationKey.fromEncoded(
                            KeyType.valueOf(v.path("key_type").asText()), hex(v, "public_key"));
                }
            }
            case "cose" -> verifyCose(hex(v, "message"), v);
            case "mmr" -> MmrVectors.runReject(v);
            case "checkpoint", "receipt" -> ReceiptVectors.runReject(v);
            case CoseReceiptVectors.KIND -> CoseReceiptVectors.runReject(v);
            case TrustVectors.KIND -> TrustVectors.runReject(v);
            default -> throw new VectorFailure("unknown kind for a rejection: " + kind);
        }
    }

    static VerifiedSign1 verifyCose(byte[] message, JsonNode rules) {
        VerificationKey key = VerificationKey.fromCoseKey((CborMap) Cbor.decode(hex(rules, "verification_key")));
        CoseVerifier.Builder builder = CoseVerifier.builder().key(key);
        rules.path("allowed_algorithms").forEach(a -> builder.allowAlgorithms(CoseAlgorithm.valueOf(a.asText())));
        rules.path("understood_critical").forEach(label -> builder.understandCritical(label.asLong()));
        if (rules.path("ignore_kid").asBoolean()) {
            builder.ignoreKid();
        }
        CoseVerifier verifier = builder.build();
        byte[] aad = hex(rules, "external_aad");
        return rules.has("detached_payload")
                ? verifier.verifyDetached(message, hex(rules, "detached_payload"), aad)
                : verifier.verify(message, aad);
    }

    private static byte[] hex(JsonNode v, String field) {
        if (!v.has(field)) {
            throw new VectorFailure("missing field " + field);
        }
        return HEX.parseHex(v.get(field).asText());
    }

    private static void same(String what, String want, String got) {
        if (!want.equals(got)) {
            throw new VectorFailure(what + ": got " + got + ", want " + want);
        }
    }
}
