package dev.cairn.server.store;

/**
 * What a committed transaction survives, on the engine and settings a {@link Database} found when it
 * opened ({@code spec/server-storage.md}, "Durability").
 */
public enum Durability {
    /**
     * PostgreSQL with {@code fsync} and {@code synchronous_commit} on (its defaults): a commit returns
     * only after its WAL record was flushed to disk, so it survives a process kill, an operating system
     * crash and a power loss (given a disk that honours flushes).
     */
    FSYNC_EVERY_COMMIT,

    /**
     * H2 in file mode with {@code WRITE_DELAY=0} (which {@link DatabaseConfig} enforces): a commit
     * returns after its changes were written to the database file, but H2 does not force the file to
     * disk per commit. A committed change survives a kill of the server process; it does not
     * necessarily survive an operating system crash or a power loss.
     */
    SURVIVES_PROCESS_KILL,

    /**
     * PostgreSQL with {@code fsync} or {@code synchronous_commit} off: recent commits may be lost in a
     * crash. Acceptable for tests only.
     */
    NOT_DURABLE
}
