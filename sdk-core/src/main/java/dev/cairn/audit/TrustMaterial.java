package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Extra trust material an audit bundle carries for its verifier, opaque to the format: a type and
 * bytes ({@code spec/audit-bundle.md}, "Trust"). A verifier interprets the types it knows ({@link
 * AuditBundleFormat#SIGNED_TRUST_BUNDLE}, {@link AuditBundleFormat#LOG_KEY_CERTIFICATE_CHAIN}, {@link
 * AuditBundleFormat#REVOCATION_HEAD}, {@link AuditBundleFormat#REVOCATION_ENTRIES}) and ignores the
 * others; none is trusted for being in the bundle. sdk-core has no X.509: it carries certificates and
 * revocation data as bytes, and the verifier checks them.
 *
 * @param type 1 to 64 printable ASCII characters without spaces
 * @param data the material, at most {@link AuditBundleFormat#MAX_TRUST_MATERIAL_BYTES}
 */
public record TrustMaterial(String type, Bytes data) {
    private static final CborLimits CHAIN_LIMITS = new CborLimits(
            AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES,
            1,
            AuditBundleFormat.MAX_CHAIN_CERTIFICATES + 1,
            AuditBundleFormat.MAX_CERTIFICATE_BYTES,
            Set.of());

    /**
     * Validates the components.
     *
     * @param type the material's type
     * @param data the material
     * @throws IllegalArgumentException if the type or size is out of range
     */
    public TrustMaterial {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!isValidType(type) || data.length() > AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES) {
            throw new IllegalArgumentException("trust material type must be 1-64 printable ASCII, data at most "
                    + AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES + " bytes");
        }
    }

    /**
     * A log key's certificate chain, as {@link AuditBundleFormat#LOG_KEY_CERTIFICATE_CHAIN} encodes it.
     *
     * @param certificates the DER certificates, leaf first: the leaf certifies one of the bundle's log
     *     keys, then its issuers
     * @return the material
     * @throws IllegalArgumentException for no certificate, more than {@link
     *     AuditBundleFormat#MAX_CHAIN_CERTIFICATES}, or one that is empty or over {@link
     *     AuditBundleFormat#MAX_CERTIFICATE_BYTES}
     */
    public static TrustMaterial logKeyCertificateChain(List<Bytes> certificates) {
        if (certificates.isEmpty() || certificates.size() > AuditBundleFormat.MAX_CHAIN_CERTIFICATES) {
            throw new IllegalArgumentException(
                    "a chain holds 1 to " + AuditBundleFormat.MAX_CHAIN_CERTIFICATES + " certificates");
        }
        List<CborValue> items = new ArrayList<>();
        for (Bytes certificate : certificates) {
            if (certificate.length() == 0 || certificate.length() > AuditBundleFormat.MAX_CERTIFICATE_BYTES) {
                throw new IllegalArgumentException(
                        "a certificate is 1 to " + AuditBundleFormat.MAX_CERTIFICATE_BYTES + " bytes");
            }
            items.add(new CborBytes(certificate));
        }
        return new TrustMaterial(
                AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN, Bytes.copyOf(Cbor.encode(new CborArray(items))));
    }

    /**
     * The trust domain's signed revocation head, as {@link AuditBundleFormat#REVOCATION_HEAD} carries it.
     *
     * @param signedHead the COSE_Sign1 of {@code spec/revocation.md}, section 3
     * @return the material
     */
    public static TrustMaterial revocationHead(Bytes signedHead) {
        return new TrustMaterial(AuditBundleFormat.REVOCATION_HEAD, signedHead);
    }

    /**
     * Entries of the revocation chain, as {@link AuditBundleFormat#REVOCATION_ENTRIES} carries them.
     *
     * @param entries one CBOR {@code revocation-entries} array ({@code spec/revocation.md}, section 1)
     * @return the material
     */
    public static TrustMaterial revocationEntries(Bytes entries) {
        return new TrustMaterial(AuditBundleFormat.REVOCATION_ENTRIES, entries);
    }

    /**
     * Reads a {@link AuditBundleFormat#LOG_KEY_CERTIFICATE_CHAIN}'s certificates, without parsing them.
     *
     * @return the DER certificates, leaf first
     * @throws IllegalStateException if this material is of another type
     * @throws MalformedInputException a {@code CBOR_*} code for data that is not canonical CBOR within
     *     the bounds, {@link ErrorCode#CERT_MALFORMED} for anything but an array of 1 to {@link
     *     AuditBundleFormat#MAX_CHAIN_CERTIFICATES} non-empty byte strings
     */
    public List<Bytes> certificateChain() {
        if (!type.equals(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN)) {
            throw new IllegalStateException("not a certificate chain: " + type);
        }
        if (!(Cbor.decode(data.toByteArray(), CHAIN_LIMITS) instanceof CborArray array)
                || array.size() == 0
                || array.size() > AuditBundleFormat.MAX_CHAIN_CERTIFICATES) {
            throw chainMalformed("an array of 1 to " + AuditBundleFormat.MAX_CHAIN_CERTIFICATES + " certificates");
        }
        List<Bytes> certificates = new ArrayList<>();
        for (CborValue item : array.items()) {
            if (!(item instanceof CborBytes bytes) || bytes.value().length() == 0) {
                throw chainMalformed("each certificate a non-empty byte string");
            }
            certificates.add(bytes.value());
        }
        return List.copyOf(certificates);
    }

    private static MalformedInputException chainMalformed(String want) {
        return new MalformedInputException(
                ErrorCode.CERT_MALFORMED, AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN + ": want " + want);
    }

    static boolean isValidType(String type) {
        return !type.isEmpty()
                && type.length() <= AuditBundleFormat.MAX_TRUST_MATERIAL_TYPE
                && type.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
