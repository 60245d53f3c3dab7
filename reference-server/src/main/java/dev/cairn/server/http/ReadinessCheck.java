package dev.cairn.server.http;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * One named condition the server needs before it takes traffic, checked on every {@code GET
 * /readyz}: the database answers, migrations are applied, keys are loaded, the log head is
 * consistent with the latest checkpoint. A check must check what its name claims (no constant
 * {@code ok}), be cheap, and be safe to call concurrently. A check that throws has failed with the
 * thrown exception's code ({@code INTERNAL_BUG} for a non-Cairn exception); one that runs past
 * {@link Limits#readinessTimeout()} has failed with {@code HTTP_CHECK_TIMEOUT}.
 */
public interface ReadinessCheck {
    /**
     * The check's name in the readiness body: lower case, digits, {@code _} and {@code -}.
     *
     * @return the name
     */
    String name();

    /**
     * Runs the check.
     *
     * @return the result
     * @throws Exception a failure, counted as a failed check
     */
    CheckResult check() throws Exception;

    /**
     * A check from a name and a function.
     *
     * @param name the name
     * @param check the function
     * @return the check
     */
    static ReadinessCheck of(String name, Callable<CheckResult> check) {
        requireName(name);
        Objects.requireNonNull(check, "check");
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult check() throws Exception {
                return check.call();
            }
        };
    }

    /**
     * Checks a check's name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not 1-64 of {@code [a-z0-9_-]}
     */
    static String requireName(String name) {
        if (name == null || !Pattern.matches("[a-z0-9_-]{1,64}", name)) {
            throw new IllegalArgumentException("readiness check name '" + name + "', want [a-z0-9_-]{1,64}");
        }
        return name;
    }
}
