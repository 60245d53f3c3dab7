package dev.cairn.cbor;

import java.util.Objects;

/**
 * A CBOR text string (major type 3). The string must be valid Unicode (no unpaired surrogates), so
 * that it has a well-formed UTF-8 encoding.
 *
 * @param value the text
 */
public record CborText(String value) implements CborValue {
    /**
     * Validates the component.
     *
     * @param value the text
     */
    public CborText {
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            }
        }
    }

    /**
     * Wraps a string.
     *
     * @param value the text
     * @return the CBOR text string
     */
    public static CborText of(String value) {
        return new CborText(value);
    }

    @Override
    public String toDiagnostic() {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
