package dev.cairn.trust.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

/**
 * A Bouncy Castle {@link ContentSigner} (certificates, CSRs, CRLs) that signs with sdk-core's
 * {@link SigningKey}: pure Ed25519, or ECDSA P-256 with SHA-256 and deterministic nonces (RFC 6979),
 * the signature DER-encoded as X.509 wants it (RFC 3279). Deterministic signing makes the same input
 * give the same certificate, which golden vectors need, and removes the dependence on a random
 * source at signing time. Not thread-safe: one per signature.
 */
final class KeyContentSigner implements ContentSigner {
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    private static final AlgorithmIdentifier ECDSA_SHA256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final SigningKey key;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

    KeyContentSigner(SigningKey key) {
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return key.type() == KeyType.ED25519 ? ED25519 : ECDSA_SHA256;
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        byte[] signature = key.sign(data.toByteArray());
        if (key.type() == KeyType.ED25519) {
            return signature;
        }
        ASN1EncodableVector rs = new ASN1EncodableVector(2);
        rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(signature, 0, 32))));
        rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))));
        try {
            return new DERSequence(rs).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "ECDSA signature encoding failed", e);
        }
    }
}
