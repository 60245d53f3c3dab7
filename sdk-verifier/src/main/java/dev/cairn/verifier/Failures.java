package dev.cairn.verifier;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Adds where a failure happened (which item of a sequence) to a coded exception, keeping its code. */
final class Failures {
    private Failures() {}

    /**
     * Runs one step of a sequence; a coded failure gets the detail {@code what = position}.
     *
     * @param what the detail key, such as {@code update} or {@code checkpoint}
     * @param position the step's position, from 0
     * @param step the step
     * @param <T> the step's result
     * @return the step's result
     */
    static <T> T at(String what, int position, Supplier<T> step) {
        try {
            return step.get();
        } catch (CairnException e) {
            throw withDetail(e, what, Integer.toString(position));
        }
    }

    /**
     * The same failure (code, family, message, details) with one more detail.
     *
     * @param e the failure
     * @param key the detail key
     * @param value the detail value
     * @return the new exception, caused by {@code e}; an internal failure is returned unchanged
     */
    static CairnException withDetail(CairnException e, String key, String value) {
        Map<String, String> details = new LinkedHashMap<>(e.details());
        details.put(key, value);
        String message = message(e);
        if (e instanceof MalformedInputException m) {
            return new MalformedInputException(e.code(), message, m.offset().orElse(-1), details, e);
        }
        if (e instanceof VerificationException) {
            return new VerificationException(e.code(), message, details, e);
        }
        return e;
    }

    /** The message without the {@code CODE: } prefix every CairnException message starts with. */
    static String message(CairnException e) {
        String prefix = e.code().name() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
