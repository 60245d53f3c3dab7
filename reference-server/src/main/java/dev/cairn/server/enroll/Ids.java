package dev.cairn.server.enroll;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The server-chosen identifiers of {@code spec/enrollment.md}: request ids, node ids, cluster names. */
final class Ids {
    /** {@code jr-} and 16 lowercase hex digits. */
    static final Pattern REQUEST_ID = Pattern.compile("jr-[0-9a-f]{16}");

    /** {@code n-} and 16 lowercase hex digits. */
    static final Pattern NODE_ID = Pattern.compile("n-[0-9a-f]{16}");

    /** A segment of the identity grammar ({@code identity.md}). */
    static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /** The cluster of the server's own identity. */
    static final String RESERVED_CLUSTER = dev.cairn.trust.identity.CairnId.CONTROL_CLUSTER;

    private Ids() {}

    static String requestId(SecureRandom random) {
        return "jr-" + hex(random, 8);
    }

    static String nodeId(SecureRandom random) {
        return "n-" + hex(random, 8);
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
