package dev.cairn.trust.csr;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.internal.JcaKeys;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds PKCS#10 requests signed by the requester's own key (proof of possession), with an empty
 * subject and optionally the identity the requester is enrolled as in a subjectAltName extension
 * request ({@code spec/ca.md}). The CA decides the names of the certificate in any case.
 */
public final class CsrBuilder {
    private CsrBuilder() {}

    /**
     * Builds and signs a request.
     *
     * @param key the requester's key; its public half goes into the request
     * @param requested the identity to ask for, or empty to leave the name to the CA
     * @return the request
     */
    public static Csr build(SigningKey key, Optional<CairnId> requested) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requested, "requested");
        PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), JcaKeys.publicKey(key.verificationKey()));
        try {
            if (requested.isPresent()) {
                GeneralNames names = new GeneralNames(new GeneralName(
                        GeneralName.uniformResourceIdentifier, requested.get().uri()));
                Extensions extensions =
                        new Extensions(new Extension(Extension.subjectAlternativeName, true, names.getEncoded()));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions);
            }
            return new Csr(
                    Bytes.copyOf(builder.build(JcaKeys.contentSigner(key)).getEncoded()));
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "CSR encoding failed: " + e.getMessage(), e);
        }
    }
}
