package dev.cairn.errors;

/** The three kinds of failure every Cairn error belongs to. */
public enum ErrorFamily {
    /** The input cannot be read: wrong encoding, out of bounds, not canonical. Sending it again fails again. */
    MALFORMED_INPUT,
    /** The input was read and is well formed, but a check refused it: bad signature, wrong algorithm. */
    REJECTED,
    /** Cairn itself failed: an I/O error, a broken provider. The input may be fine. */
    INTERNAL
}
