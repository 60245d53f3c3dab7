package dev.cairn.cose;

import java.util.Set;

/** Labels of the COSE header parameters Cairn interprets (RFC 9052 section 3.1). */
public final class CoseHeaders {
    /** {@code alg}: the signature algorithm; Cairn requires it in the protected header. */
    public static final long ALG = 1;
    /** {@code crit}: labels a recipient must understand to process the message. */
    public static final long CRIT = 2;
    /** {@code content type}: the payload's media type (text) or CoAP content format (uint). */
    public static final long CONTENT_TYPE = 3;
    /** {@code kid}: the key identifier, a byte string. */
    public static final long KID = 4;

    /** Labels every Cairn verifier understands and so accepts in {@code crit}. */
    public static final Set<Long> UNDERSTOOD = Set.of(ALG, CRIT, CONTENT_TYPE, KID);

    private CoseHeaders() {}
}
