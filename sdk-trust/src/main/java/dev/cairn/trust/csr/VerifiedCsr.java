package dev.cairn.trust.csr;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;
import java.util.List;

/**
 * A CSR that {@link CsrVerifier} checked: strict DER, an allowed key, a signature by that key (proof
 * of possession), no extension but a subjectAltName of URIs. Only the verifier creates one.
 */
public final class VerifiedCsr {
    private final VerificationKey key;
    private final List<String> requestedUris;
    private final Bytes der;

    VerifiedCsr(VerificationKey key, List<String> requestedUris, Bytes der) {
        this.key = key;
        this.requestedUris = List.copyOf(requestedUris);
        this.der = der;
    }

    /**
     * The requester's public key, which the certificate will certify.
     *
     * @return the key
     */
    public VerificationKey key() {
        return key;
    }

    /**
     * The URIs the request asks for, as written; the CA decides what the certificate names.
     *
     * @return the URIs, possibly empty
     */
    public List<String> requestedUris() {
        return requestedUris;
    }

    /**
     * The request's DER encoding.
     *
     * @return the bytes
     */
    public Bytes der() {
        return der;
    }

    @Override
    public String toString() {
        return "VerifiedCsr[key=" + key + ", requested=" + requestedUris + "]";
    }
}
