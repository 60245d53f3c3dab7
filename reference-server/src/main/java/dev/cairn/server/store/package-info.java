/**
 * The reference server's storage: a JDBC database behind a HikariCP pool, its schema managed by
 * Flyway migrations ({@code classpath:db/migration}), embedded H2 in file mode by default and
 * PostgreSQL for more than one replica.
 *
 * <p>{@link dev.cairn.server.store.Database} opens and migrates a database from a {@link
 * dev.cairn.server.store.DatabaseConfig} and runs work in transactions; {@link
 * dev.cairn.server.store.Durability} says what a commit promises on the engine it runs on. The
 * marker stream's JDBC backend is in {@code dev.cairn.server.store.marker}, the audit log with group
 * commit, checkpoints, proofs and bundle export in {@code dev.cairn.server.store.audit}. Normative:
 * {@code spec/server-storage.md}.
 */
package dev.cairn.server.store;
