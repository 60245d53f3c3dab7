package dev.cairn.cbor;

/** The CBOR simple value {@code null}. */
public enum CborNull implements CborValue {
    /** The only instance. */
    NULL;

    @Override
    public String toDiagnostic() {
        return "null";
    }
}
