package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSigner;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.keys.SigningKey;
import java.util.HexFormat;

/**
 * {@code cose} vectors ({@code spec/cose.md}): a COSE_Sign1 {@code message} verified under the
 * vector's rules ({@code verification_key}, {@code allowed_algorithms}, {@code ignore_kid}, {@code
 * understood_critical}, {@code external_aad}, optional {@code detached_payload}). An accepted one
 * yields its {@code payload} and, since signing is deterministic, signing it again with {@code
 * signing_key} gives the same bytes.
 */
final class CoseCheck implements VectorCheck {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public void accept(JsonNode v) {
        VerifiedSign1 verified = verify(v);
        Fields.same("payload", Fields.text(v, "payload"), verified.payload().toHex());
        if (v.has("signing_key")
                && Fields.optionalArray(v, "understood_critical").isEmpty()) {
            resign(v, verified);
        }
    }

    @Override
    public void reject(JsonNode v) {
        verify(v);
    }

    private static VerifiedSign1 verify(JsonNode v) {
        CoseVerifier.Builder builder = CoseVerifier.builder().key(Fields.coseKey(Fields.hex(v, "verification_key")));
        for (JsonNode alg : Fields.optionalArray(v, "allowed_algorithms")) {
            builder.allowAlgorithms(Fields.constant(CoseAlgorithm.class, alg.asText(), "algorithm"));
        }
        for (JsonNode label : Fields.optionalArray(v, "understood_critical")) {
            if (!label.isIntegralNumber() || !label.canConvertToLong()) {
                throw new MalformedVector("understood_critical holds a label that is not an integer");
            }
            builder.understandCritical(label.asLong());
        }
        if (Fields.flag(v, "ignore_kid")) {
            builder.ignoreKid();
        }
        CoseVerifier verifier = builder.build();
        byte[] message = Fields.hex(v, "message");
        byte[] aad = Fields.hex(v, "external_aad");
        return v.has("detached_payload")
                ? verifier.verifyDetached(message, Fields.hex(v, "detached_payload"), aad)
                : verifier.verify(message, aad);
    }

    /** Signing is deterministic: the vector's key signs the same bytes again. */
    private static void resign(JsonNode v, VerifiedSign1 verified) {
        SigningKey key = SigningKey.fromPrivateKeyBytes(
                verified.key().type(), Fields.hex(v, "signing_key"), InsecureSecretKeyAccess.get());
        CoseSigner.Builder builder = CoseSigner.builder(key);
        verified.protectedHeader().get(3L).ifPresent(ct -> {
            if (!(ct instanceof CborText text)) {
                throw VectorFailure.broken("the content type is not text, which the signer cannot set");
            }
            builder.contentType(text.value());
        });
        CoseSigner signer = builder.build();
        byte[] payload = verified.payload().toByteArray();
        byte[] aad = Fields.hex(v, "external_aad");
        byte[] again =
                (v.has("detached_payload") ? signer.signDetached(payload, aad) : signer.sign(payload, aad)).encode();
        Fields.same("re-signed message", Fields.text(v, "message"), HEX.formatHex(again));
    }
}
