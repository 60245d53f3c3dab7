package dev.cairn.testsupport;

import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The rule for a database that tests need but cannot have: skipped on a developer's machine, a
 * failure on CI ({@code CI=true}), so that CI never goes green without having run them.
 */
final class CiRule {

    static final String HOW_TO_RUN = "Run the suite with `./cairn test` (it starts a throw-away PostgreSQL on"
            + " 127.0.0.1 and exports " + TestDatabases.PG_URL_ENV + " and " + TestDatabases.PG_USER_ENV
            + "), or wrap any command: `scripts/with-postgres.sh mvn -B -pl <module> verify`.";

    private CiRule() {}

    /** Whether {@code env} says we run on CI: {@code CI} is {@code true} (any case, blanks trimmed). */
    static boolean isCi(Map<String, String> env) {
        String ci = env.get(TestDatabases.CI_ENV);
        return ci != null && ci.trim().equalsIgnoreCase("true");
    }

    /**
     * Never returns: aborts the test (JUnit shows it as skipped) with a message on how to run it, or,
     * when {@code env} has {@code CI=true}, fails it.
     *
     * @throws TestAbortedException when not on CI
     * @throws AssertionFailedError on CI
     */
    static void abortOrFail(TestDatabase kind, String problem, Map<String, String> env, Throwable cause) {
        problem = problem.strip();
        while (problem.endsWith(".")) {
            problem = problem.substring(0, problem.length() - 1);
        }
        if (isCi(env)) {
            throw new AssertionFailedError(
                    "CI=true, so the " + kind.id() + " tests must run, but " + problem + ". " + HOW_TO_RUN, cause);
        }
        throw new TestAbortedException(
                "Skipping the " + kind.id() + " tests: " + problem + ". " + HOW_TO_RUN
                        + " (With CI=true this is a failure, not a skip.)",
                cause);
    }
}
