package dev.cairn.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The CI=true rule, decided from injected environments (the real one is never touched). */
class CiRuleTest {

    private static final Map<String, String> LOCAL = Map.of();
    private static final Map<String, String> CI = Map.of("CI", "true");

    @Test
    void onlyCiTrueMeansCi() {
        assertTrue(CiRule.isCi(CI));
        assertTrue(CiRule.isCi(Map.of("CI", "TRUE")));
        assertTrue(CiRule.isCi(Map.of("CI", " true ")));
        assertFalse(CiRule.isCi(LOCAL));
        assertFalse(CiRule.isCi(Map.of("CI", "")));
        assertFalse(CiRule.isCi(Map.of("CI", "false")));
        assertFalse(CiRule.isCi(Map.of("CI", "1")));
        assertTrue(TestDatabases.isCi(CI));
    }

    @Test
    void withoutCiAMissingDatabaseIsASkipThatSaysHowToRunIt() {
        IllegalStateException cause = new IllegalStateException("boom");
        TestAbortedException e = assertThrows(
                TestAbortedException.class,
                () -> CiRule.abortOrFail(TestDatabase.POSTGRESQL, "the server is down", LOCAL, cause));
        assertTrue(e.getMessage().contains("the server is down"), e.getMessage());
        assertTrue(e.getMessage().contains("./cairn test"), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void onCiAMissingDatabaseIsAFailure() {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> CiRule.abortOrFail(TestDatabase.POSTGRESQL, "the server is down", CI, null));
        assertTrue(e.getMessage().startsWith("CI=true"), e.getMessage());
        assertTrue(e.getMessage().contains("the server is down"), e.getMessage());
        assertTrue(e.getMessage().contains("./cairn test"), e.getMessage());
    }

    @Test
    void unsetPostgresSettingsSkipLocallyAndFailOnCi() {
        TestAbortedException skipped = assertThrows(
                TestAbortedException.class, () -> TestDatabases.create(TestDatabase.POSTGRESQL, "x", LOCAL));
        assertTrue(skipped.getMessage().contains("CAIRN_TEST_PG_URL is not set"), skipped.getMessage());

        Map<String, String> blank = Map.of("CI", "true", "CAIRN_TEST_PG_URL", " ");
        AssertionFailedError failed = assertThrows(
                AssertionFailedError.class, () -> TestDatabases.create(TestDatabase.POSTGRESQL, "x", blank));
        assertTrue(failed.getMessage().contains("CAIRN_TEST_PG_URL is not set"), failed.getMessage());
    }

    @Test
    void anUnreachableServerSkipsLocallyAndFailsOnCi() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("CAIRN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
        env.put("CAIRN_TEST_PG_USER", "postgres");

        TestAbortedException skipped =
                assertThrows(TestAbortedException.class, () -> TestDatabases.create(TestDatabase.POSTGRESQL, "x", env));
        assertTrue(skipped.getMessage().contains("cannot be reached"), skipped.getMessage());

        env.put("CI", "true");
        AssertionFailedError failed =
                assertThrows(AssertionFailedError.class, () -> TestDatabases.create(TestDatabase.POSTGRESQL, "x", env));
        assertTrue(failed.getMessage().contains("cannot be reached"), failed.getMessage());
    }

    @Test
    void aMalformedUrlIsAnErrorEvenLocally() {
        Map<String, String> env = Map.of("CAIRN_TEST_PG_URL", "jdbc:h2:mem:x");
        assertThrows(IllegalStateException.class, () -> TestDatabases.create(TestDatabase.POSTGRESQL, "x", env));
    }

    @Test
    void h2NeedsNoEnvironmentEvenOnCi() {
        try (TestDataSource db = TestDatabases.create(TestDatabase.H2_FILE, "x", CI)) {
            assertTrue(db.directory().isPresent());
            assertTrue(db.jdbcUrl().startsWith("jdbc:h2:file:"), db.jdbcUrl());
        }
    }
}
