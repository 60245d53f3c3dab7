package dev.cairn.keys;

/**
 * The signature key types Cairn supports, with their COSE identifiers (RFC 9053, IANA COSE registries).
 */
public enum KeyType {
    /** Ed25519 (RFC 8032): COSE key type OKP (1), curve Ed25519 (6), algorithm EdDSA (-8). Mandatory. */
    ED25519(1, 6, -8, 32),
    /** ECDSA over P-256 with SHA-256: COSE key type EC2 (2), curve P-256 (1), algorithm ES256 (-7). */
    P256(2, 1, -7, 32);

    private final int coseKty;
    private final int coseCrv;
    private final int coseAlg;
    private final int coordinateLength;

    KeyType(int coseKty, int coseCrv, int coseAlg, int coordinateLength) {
        this.coseKty = coseKty;
        this.coseCrv = coseCrv;
        this.coseAlg = coseAlg;
        this.coordinateLength = coordinateLength;
    }

    /**
     * The COSE key type ({@code kty}) value.
     *
     * @return 1 (OKP) or 2 (EC2)
     */
    public int coseKty() {
        return coseKty;
    }

    /**
     * The COSE curve ({@code crv}) value.
     *
     * @return 6 (Ed25519) or 1 (P-256)
     */
    public int coseCrv() {
        return coseCrv;
    }

    /**
     * The COSE algorithm signing with this key type uses.
     *
     * @return -8 (EdDSA) or -7 (ES256)
     */
    public int coseAlg() {
        return coseAlg;
    }

    /**
     * Length in bytes of a coordinate, a private scalar and of half a signature.
     *
     * @return 32 for both supported types
     */
    public int coordinateLength() {
        return coordinateLength;
    }

    /**
     * Length in bytes of a signature: 64 for both (Ed25519, and ES256 as r || s).
     *
     * @return the signature length
     */
    public int signatureLength() {
        return 2 * coordinateLength;
    }
}
