package dev.cairn.agent.state;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The digest of a state file: {@code DomainHash(cairn/agent-state-file/v1, file bytes)}, written
 * {@code sha256:<64 lowercase hex>}.
 */
final class FileDigest {
    static final String PREFIX = "sha256:";
    private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-f]{64}");

    private FileDigest() {}

    static Digest of(byte[] content) {
        return DomainHash.of(HashDomain.AGENT_STATE_FILE, content);
    }

    static String text(Digest digest) {
        return PREFIX + digest.toHex();
    }

    static Digest parse(String text, String what) {
        if (!TEXT.matcher(text).matches()) {
            throw Invalid.file(what, "digest " + text + ", want sha256:<64 lowercase hex>", null);
        }
        return Digest.fromHex(text.substring(PREFIX.length()));
    }

    /** Checks file bytes against the digest recorded for them. */
    static void check(String file, byte[] content, Digest expected) {
        Digest found = of(content);
        if (!found.equals(expected)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", text(expected));
            details.put("found", text(found));
            details.put("file", file);
            throw new VerificationException(
                    ErrorCode.AGENT_STATE_DIGEST_MISMATCH,
                    file + " has digest " + text(found) + ", want " + text(expected) + " (torn or altered)",
                    details,
                    null);
        }
    }
}
