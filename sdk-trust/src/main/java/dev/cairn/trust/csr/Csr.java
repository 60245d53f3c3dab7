package dev.cairn.trust.csr;

import dev.cairn.bytes.Bytes;
import dev.cairn.trust.internal.Pem;
import java.util.Objects;

/**
 * An encoded PKCS#10 certification request.
 *
 * @param der the DER encoding
 */
public record Csr(Bytes der) {
    /**
     * Wraps the encoding.
     *
     * @param der the DER bytes
     */
    public Csr {
        Objects.requireNonNull(der, "der");
    }

    /**
     * The PEM form ({@code CERTIFICATE REQUEST}), lines of 64 characters.
     *
     * @return the PEM text
     */
    public String pem() {
        return Pem.encode("CERTIFICATE REQUEST", der.toByteArray());
    }
}
