package dev.cairn.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} value (RFC 9110 section 8.3.1): {@code type/subtype} and
 * parameters, names lower-cased. Parsing is strict: anything outside the grammar is no media type.
 *
 * @param type the top-level type, lower case
 * @param subtype the subtype, lower case
 * @param parameters parameter names (lower case) to values (unquoted), in order
 */
record MediaType(String type, String subtype, Map<String, String> parameters) {
    private static final int MAX_LENGTH = 256;

    MediaType {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses a media type.
     *
     * @param text the header value, or {@code null}
     * @return the media type, or empty if the text breaks the grammar
     */
    static Optional<MediaType> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Cursor c = new Cursor(text);
        String type = c.token();
        if (type == null || !c.take('/')) {
            return Optional.empty();
        }
        String subtype = c.token();
        if (subtype == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            c.skipSpace();
            if (c.done()) {
                break;
            }
            if (!c.take(';')) {
                return Optional.empty();
            }
            c.skipSpace();
            String name = c.token();
            if (name == null || !c.take('=')) {
                return Optional.empty();
            }
            String value = c.peek() == '"' ? c.quoted() : c.token();
            if (value == null || parameters.put(name.toLowerCase(Locale.ROOT), value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), parameters));
    }

    /** {@code type/subtype}. */
    String essence() {
        return type + "/" + subtype;
    }

    /** Reads the grammar's pieces off a string. */
    private static final class Cursor {
        private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        char peek() {
            return done() ? '\0' : s.charAt(i);
        }

        boolean take(char ch) {
            if (peek() == ch && !done()) {
                i++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (!done() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        String token() {
            int start = i;
            while (!done() && isTchar(s.charAt(i))) {
                i++;
            }
            return i == start ? null : s.substring(start, i);
        }

        String quoted() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            while (!done()) {
                char ch = s.charAt(i++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch == '\\') {
                    if (done()) {
                        return null;
                    }
                    ch = s.charAt(i++);
                }
                if (ch < 0x20 && ch != '\t' || ch == 0x7f || ch > 0xff) {
                    return null;
                }
                out.append(ch);
            }
            return null;
        }

        private static boolean isTchar(char ch) {
            return (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9')
                    || TCHAR_SPECIALS.indexOf(ch) >= 0;
        }
    }
}
