package dev.cairn.agent.state;

import dev.cairn.bytes.Digest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root pointer {@code CURRENT}: one line {@code cairn-agent-state/v1 gen-<n> sha256:<hex>} naming
 * the current generation and the digest of its {@code state.json}.
 *
 * @param generation the generation number, at least 1
 * @param stateDigest the file digest of the generation's {@code state.json}
 */
record Pointer(long generation, Digest stateDigest) {
    static final String FILE = "CURRENT";
    static final String FORMAT = "cairn-agent-state/v1";
    static final int MAX_BYTES = 128;

    private static final Pattern LINE =
            Pattern.compile("cairn-agent-state/v1 gen-([1-9][0-9]{0,17}) (sha256:[0-9a-f]{64})\n");

    Pointer {
        if (generation < 1) {
            throw new IllegalArgumentException("generation " + generation);
        }
    }

    byte[] encode() {
        return (FORMAT + " " + Generation.directoryName(generation) + " " + FileDigest.text(stateDigest) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Pointer parse(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                throw Invalid.file(FILE, "not ASCII", null);
            }
        }
        Matcher matcher = LINE.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (!matcher.matches()) {
            throw Invalid.file(FILE, "want one line: " + FORMAT + " gen-<n> sha256:<64 lowercase hex>", null);
        }
        return new Pointer(Long.parseLong(matcher.group(1)), FileDigest.parse(matcher.group(2), FILE));
    }
}
