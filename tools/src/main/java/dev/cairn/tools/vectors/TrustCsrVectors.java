package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.internal.JcaKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * PKCS#10 CSR vectors ({@code spec/ca.md}, "CSRs"): Cairn CSRs that a CA accepts, and one named
 * rejection per check. Every signature is deterministic (Ed25519, RFC 6979 ECDSA).
 */
final class TrustCsrVectors {
    private static final String KIND = TrustVectors.KIND;
    static final TrustDomain DOMAIN = new TrustDomain("vectors.example");
    static final CairnId NODE = CairnId.node(DOMAIN, "c1", "n-1");

    private static final HexFormat HEX = HexFormat.of();

    private TrustCsrVectors() {}

    static void generate(VectorSet set) {
        for (KeyType type : KeyType.values()) {
            String name = type.name().toLowerCase(java.util.Locale.ROOT);
            SigningKey key = VectorKeys.key(type, 3);
            accept(set, "csr-" + name + "-no-name", type + " key, no name requested", key, Optional.empty());
            accept(set, "csr-" + name + "-node-name", type + " key asking for " + NODE, key, Optional.of(NODE));
        }
        byte[] good = csr(VectorKeys.key(KeyType.ED25519, 3), Optional.of(NODE));
        byte[] badSignature = good.clone();
        badSignature[badSignature.length - 1] ^= 0x01;
        reject(set, "csr-bad-signature", "the last signature byte flipped", badSignature, ErrorCode.CSR_BAD_SIGNATURE);
        reject(
                set,
                "csr-truncated",
                "the last byte cut",
                Arrays.copyOf(good, good.length - 1),
                ErrorCode.CSR_MALFORMED);
        reject(
                set,
                "csr-trailing-byte",
                "a zero byte after the request",
                Arrays.copyOf(good, good.length + 1),
                ErrorCode.CSR_MALFORMED);
        reject(set, "csr-p384-key", "a well-signed request for a P-384 key", p384Csr(), ErrorCode.CSR_KEY_NOT_ALLOWED);
        reject(
                set,
                "csr-key-usage-extension",
                "asks for keyUsage keyCertSign besides its URI",
                withExtension(new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.keyCertSign)))),
                ErrorCode.CSR_EXTENSION_NOT_ALLOWED);
        reject(
                set,
                "csr-dns-name",
                "asks for a DNS subjectAltName",
                withExtension(new Extension(
                        Extension.subjectAlternativeName,
                        true,
                        encoded(new GeneralNames(new GeneralName(GeneralName.dNSName, "evil.example"))))),
                ErrorCode.CSR_EXTENSION_NOT_ALLOWED);
    }

    static byte[] csr(SigningKey key, Optional<CairnId> requested) {
        return CsrBuilder.build(key, requested).der().toByteArray();
    }

    private static void accept(VectorSet set, String name, String description, SigningKey key, Optional<CairnId> id) {
        ObjectNode node = set.accept(KIND, name, "CSR: " + description);
        node.put("type", "csr");
        node.put("csr", HEX.formatHex(csr(key, id)));
        node.put("key_type", key.type().name());
        node.put("public_key", key.verificationKey().encoded().toHex());
        ArrayNode requested = node.putArray("requested");
        id.ifPresent(i -> requested.add(i.uri()));
    }

    private static void reject(VectorSet set, String name, String description, byte[] csr, ErrorCode error) {
        ObjectNode node = set.reject(KIND, name, "CSR: " + description, error);
        node.put("type", "csr");
        node.put("csr", HEX.formatHex(csr));
    }

    private static byte[] withExtension(Extension extension) {
        SigningKey key = VectorKeys.key(KeyType.ED25519, 3);
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(
                JcaKeys.publicKey(key.verificationKey()).getEncoded());
        return build(
                new PKCS10CertificationRequestBuilder(new X500Name(new RDN[0]), spki)
                        .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(extension)),
                JcaKeys.contentSigner(key));
    }

    /** A P-384 key from a public label, signing with deterministic ECDSA: a key Cairn must refuse. */
    private static byte[] p384Csr() {
        X9ECParameters curve = ECNamedCurveTable.getByName("P-384");
        ECDomainParameters domain =
                new ECNamedDomainParameters(org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp384r1, curve);
        BigInteger d = new BigInteger(1, VectorKeys.privateBytes(KeyType.P256, 384));
        ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(d, domain);
        ECPublicKeyParameters publicKey =
                new ECPublicKeyParameters(curve.getG().multiply(d).normalize(), domain);
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
            ContentSigner signer = new ContentSigner() {
                private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
                }

                @Override
                public OutputStream getOutputStream() {
                    return data;
                }

                @Override
                public byte[] getSignature() {
                    ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest()));
                    ecdsa.init(true, privateKey);
                    SHA384Digest digest = new SHA384Digest();
                    byte[] message = data.toByteArray();
                    digest.update(message, 0, message.length);
                    byte[] hash = new byte[48];
                    digest.doFinal(hash, 0);
                    BigInteger[] rs = ecdsa.generateSignature(hash);
                    ASN1EncodableVector v = new ASN1EncodableVector();
                    v.add(new ASN1Integer(rs[0]));
                    v.add(new ASN1Integer(rs[1]));
                    return encoded(new DERSequence(v));
                }
            };
            return build(new PKCS10CertificationRequestBuilder(new X500Name(new RDN[0]), spki), signer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build(PKCS10CertificationRequestBuilder builder, ContentSigner signer) {
        try {
            return builder.build(signer).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encoded(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
