package dev.cairn.server.config;

/** The kinds of value a configuration key takes, as written in the file or the environment. */
public enum ValueKind {
    /** Text. */
    STRING,
    /** A decimal integer; in the file a JSON integer. */
    INTEGER,
    /** {@code true} or {@code false}; in the file a JSON boolean. */
    BOOLEAN,
    /** An ISO-8601 duration such as {@code PT10S}. */
    DURATION,
    /** A file system path; relative paths are resolved against the working directory. */
    PATH,
    /** One of a fixed set of lowercase words. */
    WORD
}
