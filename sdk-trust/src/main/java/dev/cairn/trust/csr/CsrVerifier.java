package dev.cairn.trust.csr;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.JcaKeys;
import dev.cairn.trust.internal.Pem;
import dev.cairn.trust.internal.X509Signatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Parses and verifies PKCS#10 requests strictly ({@code spec/ca.md}): one request, DER (or one PEM
 * block), at most {@link #MAX_BYTES}, re-encoding to the same DER; an Ed25519 or P-256 key; a
 * signature that verifies with that key; no attribute but an extension request, and no extension in
 * it but a subjectAltName holding only URIs. Every failure is a coded exception; nothing else escapes.
 * Stateless and thread-safe.
 */
public final class CsrVerifier {
    /** Largest request accepted, in bytes (PEM or DER). */
    public static final int MAX_BYTES = 16 * 1024;

    /** Most URIs a request may ask for. */
    public static final int MAX_URIS = 4;

    private CsrVerifier() {}

    /**
     * Verifies a request.
     *
     * @param input the request, DER or PEM ({@code CERTIFICATE REQUEST})
     * @return the verified request
     * @throws MalformedInputException {@link ErrorCode#CSR_MALFORMED} if it does not parse strictly
     * @throws VerificationException {@link ErrorCode#CSR_KEY_NOT_ALLOWED}, {@link
     *     ErrorCode#CSR_BAD_SIGNATURE} or {@link ErrorCode#CSR_EXTENSION_NOT_ALLOWED}
     */
    public static VerifiedCsr verify(byte[] input) {
        Objects.requireNonNull(input, "input");
        if (input.length > MAX_BYTES) {
            throw malformed(input.length + " bytes, want at most " + MAX_BYTES);
        }
        byte[] der = Pem.isPem(input) ? Pem.single(input, "CERTIFICATE REQUEST", ErrorCode.CSR_MALFORMED) : input;
        PKCS10CertificationRequest request = parse(der);
        VerificationKey key;
        try {
            key = JcaKeys.verificationKey(request.getSubjectPublicKeyInfo());
        } catch (CairnException e) {
            throw new VerificationException(
                    ErrorCode.CSR_KEY_NOT_ALLOWED, "CSR key: " + e.getMessage(), java.util.Map.of(), e);
        }
        checkSignature(request, key);
        return new VerifiedCsr(key, requestedUris(request), Bytes.copyOf(der));
    }

    private static PKCS10CertificationRequest parse(byte[] der) {
        try {
            CertificationRequest structure = CertificationRequest.getInstance(der);
            if (!Arrays.equals(structure.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed("not strict DER, or bytes after the request");
            }
            return new PKCS10CertificationRequest(structure);
        } catch (MalformedInputException e) {
            throw e;
        } catch (Exception e) {
            throw malformed("not a PKCS#10 request: " + e.getClass().getSimpleName());
        }
    }

    private static void checkSignature(PKCS10CertificationRequest request, VerificationKey key) {
        boolean valid;
        try {
            CertificationRequest structure = request.toASN1Structure();
            valid = X509Signatures.verifies(
                    key,
                    structure.getSignatureAlgorithm(),
                    structure.getCertificationRequestInfo().getEncoded(ASN1Encoding.DER),
                    structure.getSignature().getOctets());
        } catch (java.io.IOException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new VerificationException(
                    ErrorCode.CSR_BAD_SIGNATURE, "the CSR's signature does not verify with its key");
        }
    }

    private static List<String> requestedUris(PKCS10CertificationRequest request) {
        List<String> uris = new ArrayList<>();
        for (Attribute attribute : request.getAttributes()) {
            if (!attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)
                    || attribute.getAttrValues().size() != 1) {
                throw notAllowed("attribute " + attribute.getAttrType());
            }
            Extensions extensions;
            try {
                extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            } catch (RuntimeException e) {
                throw malformed("extension request does not parse");
            }
            for (var oid : extensions.getExtensionOIDs()) {
                if (!oid.equals(Extension.subjectAlternativeName)) {
                    throw notAllowed("extension " + oid);
                }
            }
            GeneralNames names;
            try {
                names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            } catch (RuntimeException e) {
                throw malformed("subjectAltName does not parse");
            }
            if (names == null) {
                continue;
            }
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
                    throw notAllowed("subjectAltName entry of type " + name.getTagNo() + "; only URIs");
                }
                uris.add(name.getName().toString());
            }
        }
        if (uris.size() > MAX_URIS) {
            throw notAllowed(uris.size() + " URIs requested, at most " + MAX_URIS);
        }
        return uris;
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.CSR_MALFORMED, "CSR: " + message);
    }

    private static VerificationException notAllowed(String what) {
        return new VerificationException(ErrorCode.CSR_EXTENSION_NOT_ALLOWED, "CSR: " + what + " is not accepted");
    }
}
