package dev.cairn.server.store;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Objects;

/** The database engines the reference server stores its state in ({@code spec/server-storage.md}). */
public enum Engine {
    /**
     * Embedded H2 2.5 in file mode: the zero-configuration default, for one server process. URLs start
     * {@code jdbc:h2:file:} or {@code jdbc:h2:retry:} (H2's file system that reopens its file when a
     * thread is interrupted, which {@link DatabaseConfig} always uses).
     */
    H2("jdbc:h2:retry:", "jdbc:h2:file:"),

    /** PostgreSQL 15 or later: for more than one replica, each serving every request. */
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;
    private final String[] accepted;

    Engine(String urlPrefix, String... alsoAccepted) {
        this.urlPrefix = urlPrefix;
        this.accepted = new String[alsoAccepted.length + 1];
        accepted[0] = urlPrefix;
        System.arraycopy(alsoAccepted, 0, accepted, 1, alsoAccepted.length);
    }

    /**
     * The JDBC URL prefix {@link DatabaseConfig} gives the engine's URLs; other URL forms of the engine
     * (H2's {@code mem:} or {@code tcp:}) are not supported.
     *
     * @return {@code jdbc:h2:retry:} or {@code jdbc:postgresql:}
     */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** The accepted prefix a URL starts with (ignoring case), or null. */
    String prefixOf(String jdbcUrl) {
        for (String prefix : accepted) {
            if (jdbcUrl.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * The engine a JDBC URL names.
     *
     * @param jdbcUrl the URL
     * @return the engine
     * @throws MalformedInputException {@link ErrorCode#STORE_CONFIG_INVALID} for any other URL, including
     *     in-memory and server-mode H2
     */
    public static Engine of(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        for (Engine engine : values()) {
            if (engine.prefixOf(jdbcUrl) != null) {
                return engine;
            }
        }
        throw new MalformedInputException(
                ErrorCode.STORE_CONFIG_INVALID,
                "JDBC URL: got " + redact(jdbcUrl) + ", want jdbc:postgresql:... or jdbc:h2:file:...");
    }

    /** The URL up to its first parameter, so that a password in it is never echoed. */
    static String redact(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';', '&'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return cut < jdbcUrl.length() ? jdbcUrl.substring(0, cut) + "..." : jdbcUrl;
    }
}
