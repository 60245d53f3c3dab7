package dev.cairn.testsupport;

/** The database engines a Cairn storage test runs against. */
public enum TestDatabase {
    /**
     * Embedded H2 in file mode ({@code jdbc:h2:file:<dir>/db}) in a fresh temporary directory. Always
     * available: it needs no server and no environment.
     */
    H2_FILE("h2-file"),

    /**
     * A fresh database on the PostgreSQL server named by {@code CAIRN_TEST_PG_URL}, created through an
     * admin connection and dropped afterwards. {@code ./cairn test} starts such a server.
     */
    POSTGRESQL("postgresql");

    private final String id;

    TestDatabase(String id) {
        this.id = id;
    }

    /**
     * Returns the short lower-case id used in test display names.
     *
     * @return {@code h2-file} or {@code postgresql}
     */
    public String id() {
        return id;
    }
}
