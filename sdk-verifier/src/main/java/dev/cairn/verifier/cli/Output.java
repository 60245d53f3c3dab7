package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints results on standard output, for people (default) or as one JSON object per line
 * ({@code --json}), and returns each result's exit code ({@code spec/verifier-cli.md}, "Output").
 * A result inside a sequence (a document of an array) carries its position ({@code position} in
 * JSON, {@code [n]} in text) and is printed on one line in both forms.
 */
final class Output {
    /** No position: the result is the command's only one. */
    static final long ALONE = -1;

    private final PrintStream out;
    private final boolean json;
    private ProgressBar progress = ProgressBar.NONE;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Whether results are printed as JSON lines ({@code --json}). */
    boolean json() {
        return json;
    }

    /**
     * Prints a line a subcommand renders itself, text or one JSON object, after clearing progress.
     *
     * @param line the line, without line end
     */
    void line(String line) {
        print(line);
    }

    /** The progress bar to clear from the terminal before a result is printed. */
    void showingProgress(ProgressBar bar) {
        this.progress = bar;
    }

    /**
     * Prints a successful result.
     *
     * @param report the result
     * @param index its position in a sequence, or {@link #ALONE}
     * @return {@link ExitCode#VALID}
     */
    int valid(Report report, long index) {
        if (json) {
            ObjectNode node = start("valid", report.what(), index);
            node.put("summary", report.summary());
            report.fields().forEach((name, value) -> put(node, name, value));
            print(Json.line(node));
        } else {
            StringBuilder text = new StringBuilder(prefix(index))
                    .append("VALID ")
                    .append(report.what())
                    .append(": ")
                    .append(report.summary());
            if (index == ALONE) {
                report.fields()
                        .forEach((name, value) -> text.append(System.lineSeparator())
                                .append("  ")
                                .append(name)
                                .append(": ")
                                .append(value));
            }
            print(text.toString());
        }
        return ExitCode.VALID;
    }

    /**
     * Prints a coded failure with its details (expected, found, ...) and hint.
     *
     * @param what the kind of object that failed
     * @param e the failure
     * @param index its position in a sequence, or {@link #ALONE}
     * @return the exit code of the failure's family
     */
    int failure(String what, CairnException e, long index) {
        return failure(what, e.code(), message(e), e.details(), index);
    }

    /**
     * Prints a coded failure, with details of where it happened before the failure's own.
     *
     * @param what the kind of object that failed
     * @param e the failure
     * @param where details such as the position and file of the item that failed
     * @return the exit code of the failure's family
     */
    int failure(String what, CairnException e, Map<String, String> where) {
        Map<String, String> details = new LinkedHashMap<>(where);
        details.putAll(e.details());
        return failure(what, e.code(), message(e), details, ALONE);
    }

    /**
     * Prints a failure that Cairn did not raise on purpose: an internal error.
     *
     * @param what the kind of object being verified
     * @param e what was thrown
     * @param index its position in a sequence, or {@link #ALONE}
     * @return {@link ExitCode#INTERNAL}
     */
    int internal(String what, Throwable e, long index) {
        return failure(what, ErrorCode.INTERNAL_BUG, e.getClass().getName() + ": " + e.getMessage(), Map.of(), index);
    }

    private int failure(String what, ErrorCode code, String message, Map<String, String> details, long index) {
        ErrorFamily family = code.family();
        String status = status(family);
        if (json) {
            ObjectNode node = start(status, what, index);
            node.put("code", code.name());
            node.put("family", family.name());
            node.put("message", message);
            ObjectNode detailNode = node.putObject("details");
            details.forEach(detailNode::put);
            node.put("retryable", code.retryable());
            code.retryAfter().ifPresent(delay -> node.put("retry_after_ms", delay.toMillis()));
            node.put("hint", code.hint());
            print(Json.line(node));
        } else {
            StringBuilder text = new StringBuilder(prefix(index))
                    .append(status.toUpperCase(Locale.ROOT))
                    .append(' ')
                    .append(what)
                    .append(": ")
                    .append(code.name())
                    .append(" (")
                    .append(family.name())
                    .append("): ")
                    .append(message);
            if (index == ALONE) {
                details.forEach((key, value) -> text.append(System.lineSeparator())
                        .append("  ")
                        .append(key)
                        .append(": ")
                        .append(value));
                text.append(System.lineSeparator()).append("  hint: ").append(code.hint());
            } else if (!details.isEmpty()) {
                text.append(" ").append(details);
            }
            print(text.toString());
        }
        return ExitCode.of(family);
    }

    private static String status(ErrorFamily family) {
        return switch (family) {
            case REJECTED -> "invalid";
            case MALFORMED_INPUT -> "malformed";
            case INTERNAL -> "error";
        };
    }

    private static String prefix(long index) {
        return index == ALONE ? "" : "[" + index + "] ";
    }

    private static ObjectNode start(String status, String what, long index) {
        ObjectNode node = Json.object();
        node.put("status", status);
        node.put("what", what);
        if (index != ALONE) {
            node.put("position", index);
        }
        return node;
    }

    private static void put(ObjectNode node, String name, Object value) {
        if (value instanceof String s) {
            node.put(name, s);
        } else if (value instanceof Long l) {
            node.put(name, l);
        } else if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof List<?> list) {
            ArrayNode array = node.putArray(name);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else {
            node.put(name, String.valueOf(value));
        }
    }

    private void print(String line) {
        progress.clear();
        out.println(line);
        out.flush();
    }

    /** The message without the {@code CODE: } prefix of every CairnException message. */
    static String message(CairnException e) {
        String prefix = e.code().name() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
