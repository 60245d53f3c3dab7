package dev.cairn.trust.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strict PEM (RFC 7468, "strict" textual encoding): blocks of one label, base64 lines of at most 64
 * characters, nothing but whitespace between blocks. Encoding writes 64-character lines.
 */
public final class Pem {
    private Pem() {}

    /**
     * Whether bytes look like PEM (they start, after whitespace, with a BEGIN line).
     *
     * @param input the bytes
     * @return {@code true} for PEM
     */
    public static boolean isPem(byte[] input) {
        String text = new String(input, 0, Math.min(input.length, 64), StandardCharsets.US_ASCII).stripLeading();
        return text.startsWith("-----BEGIN ");
    }

    /**
     * Writes one block.
     *
     * @param label the label, e.g. {@code CERTIFICATE}
     * @param der the contents
     * @return the PEM text
     */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Reads exactly one block of a label.
     *
     * @param input the PEM bytes
     * @param label the only label allowed
     * @param code the error code for malformed input
     * @return the block's contents
     */
    public static byte[] single(byte[] input, String label, ErrorCode code) {
        List<byte[]> blocks = all(input, label, code, 1);
        if (blocks.size() != 1) {
            throw new MalformedInputException(code, "want exactly one " + label + " block, got " + blocks.size());
        }
        return blocks.get(0);
    }

    /**
     * Reads every block; all must have the label.
     *
     * @param input the PEM bytes (ASCII)
     * @param label the only label allowed
     * @param code the error code for malformed input
     * @param max the most blocks accepted
     * @return the blocks' contents, in order
     */
    public static List<byte[]> all(byte[] input, String label, ErrorCode code, int max) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        List<byte[]> out = new ArrayList<>();
        for (byte b : input) {
            if (b < 0) {
                throw new MalformedInputException(code, "PEM must be ASCII");
            }
        }
        String[] lines = new String(input, StandardCharsets.US_ASCII).split("\r?\n", -1);
        StringBuilder body = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (body == null) {
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.equals(begin)) {
                    throw new MalformedInputException(code, "want " + begin + " here");
                }
                if (out.size() == max) {
                    throw new MalformedInputException(code, "more than " + max + " " + label + " blocks");
                }
                body = new StringBuilder();
            } else if (line.equals(end)) {
                try {
                    out.add(Base64.getDecoder().decode(body.toString()));
                } catch (IllegalArgumentException e) {
                    throw new MalformedInputException(code, "bad base64 in a " + label + " block");
                }
                body = null;
            } else {
                if (line.length() > 64 || line.startsWith("-----")) {
                    throw new MalformedInputException(code, "bad line in a " + label + " block");
                }
                body.append(line);
            }
        }
        if (body != null) {
            throw new MalformedInputException(code, "unterminated " + label + " block");
        }
        return out;
    }
}
