package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The field rules of {@code spec/enrollment.md}, shared by the request records. */
final class Rules {
    static final Pattern HOST_FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");
    static final Pattern CAPABILITY = Pattern.compile("[a-z0-9._-]{1,64}");
    static final int MAX_CAPABILITIES = 32;
    static final int MAX_CSR_BYTES = 8 * 1024;

    private Rules() {}

    static void fingerprint(String value, ErrorCode code) {
        if (value == null || !HOST_FINGERPRINT.matcher(value).matches()) {
            throw new MalformedInputException(code, "host_fingerprint: want sha256: and 64 lowercase hex digits");
        }
    }

    /** Null, or 1 to 128 printable ASCII characters. */
    static void optionalText(String name, String value, ErrorCode code) {
        if (value != null && !printable(value, 128)) {
            throw new MalformedInputException(code, name + ": want 1 to 128 printable ASCII characters");
        }
    }

    static boolean printable(String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** 0 to 32 strings of {@code [a-z0-9._-]{1,64}}, strictly ascending (so distinct). */
    static List<String> capabilities(List<String> values, ErrorCode code) {
        if (values == null || values.size() > MAX_CAPABILITIES) {
            throw new MalformedInputException(code, "capabilities: want an array of at most 32 strings");
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !CAPABILITY.matcher(v).matches()) {
                throw new MalformedInputException(code, "capabilities[" + i + "]: want 1 to 64 characters [a-z0-9._-]");
            }
            if (i > 0 && values.get(i - 1).compareTo(v) >= 0) {
                throw new MalformedInputException(code, "capabilities[" + i + "]: want distinct and sorted");
            }
        }
        return List.copyOf(values);
    }

    /** Standard padded base64 of 1 to {@code max} bytes, canonical. */
    static byte[] base64(String name, String value, int max, ErrorCode code) {
        if (value == null || value.isEmpty() || value.length() > 4 * ((max + 2) / 3)) {
            throw new MalformedInputException(code, name + ": want base64 of 1 to " + max + " bytes");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(code, name + ": not standard padded base64");
        }
        if (decoded.length == 0
                || decoded.length > max
                || !Base64.getEncoder().encodeToString(decoded).equals(value)) {
            throw new MalformedInputException(code, name + ": want canonical padded base64 of 1 to " + max + " bytes");
        }
        return decoded;
    }

    static String joinCapabilities(List<String> capabilities) {
        return String.join(",", capabilities);
    }

    static List<String> splitCapabilities(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
