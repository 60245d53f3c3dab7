package dev.cairn.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its dotted name, what it means, its default (absent for a required key)
 * and the kind of value it takes.
 *
 * @param key the dotted name, {@code section.name}, lowercase with underscores
 * @param kind the kind of value
 * @param defaultValue the default in its textual form, or empty when the key is required
 * @param description one sentence for the generated table in {@code spec/server.md}
 */
public record Setting(String key, ValueKind kind, Optional<String> defaultValue, String description) {
    /**
     * Validates the declaration.
     *
     * @param key the dotted name
     * @param kind the kind of value
     * @param defaultValue the default, or empty when required
     * @param description one sentence for the generated table
     */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!key.matches("[a-z]+\\.[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("setting key " + key);
        }
    }

    /**
     * The environment variable that overrides this key: {@code CAIRN_SERVER_} and the key in
     * uppercase with the dot as an underscore ({@code database.url} is {@code
     * CAIRN_SERVER_DATABASE_URL}).
     *
     * @return the variable's name
     */
    public String environmentVariable() {
        return Settings.ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
