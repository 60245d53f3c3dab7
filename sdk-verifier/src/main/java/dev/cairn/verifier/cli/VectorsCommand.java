package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.verifier.vectors.CheckReport;
import dev.cairn.verifier.vectors.VectorChecker;
import dev.cairn.verifier.vectors.VectorResult;
import dev.cairn.verifier.vectors.VectorResult.Status;
import dev.cairn.verifier.vectors.VectorTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify vectors}: checks a tree of golden vectors ({@code vectors/README.md}) with the
 * checker of {@code dev.cairn.verifier.vectors}, one result line per file and a summary.
 */
@Command(
        name = "vectors",
        description = {
            "Checks every golden vector of a vectors tree (<kind>/<accept|reject>/<name>.json, such as the"
                    + " repository's vectors/): an accept vector must be accepted and yield what it says, a"
                    + " reject vector must raise exactly its error code (at its offset, if it gives one).",
            "Exit 0 when every vector holds, 1 when one does not, 2 when a file is not a readable vector."
        })
final class VectorsCommand extends VerifyCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The vectors directory.")
    Path dir;

    @Override
    String what() {
        return "vectors";
    }

    @Override
    int verify(Output results) {
        if (!Files.isDirectory(dir)) {
            throw usage("not a directory: " + dir);
        }
        List<String> files;
        try {
            files = VectorTree.files(dir);
        } catch (UncheckedIOException e) {
            throw usage("cannot read " + dir + ": " + e.getCause().getMessage());
        }
        if (files.isEmpty()) {
            throw usage("no vector files (*.json) under " + dir);
        }
        List<VectorResult> checked = new ArrayList<>();
        try (ProgressBar bar = ProgressBar.start(console(), output.progress, "vectors", files.size(), "vectors")) {
            results.showingProgress(bar);
            for (String file : files) {
                VectorResult result = check(file);
                checked.add(result);
                results.line(results.json() ? json(result) : text(result));
                bar.update(checked.size(), checked.size());
            }
        } finally {
            results.showingProgress(ProgressBar.NONE);
        }
        CheckReport report = new CheckReport(checked);
        Status worst = worst(report);
        results.line(
                results.json()
                        ? json(report, worst)
                        : name(worst).toUpperCase(Locale.ROOT) + " vectors: " + report.summary());
        return exitCode(worst);
    }

    private VectorResult check(String file) {
        Path path = dir.resolve(file);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(Inputs.MAX_BYTES + 1);
            if (bytes.length > Inputs.MAX_BYTES) {
                return VectorChecker.unreadable(file, "larger than " + Inputs.MAX_BYTES + " bytes");
            }
            return VectorChecker.check(file, bytes);
        } catch (IOException e) {
            return VectorChecker.unreadable(file, "cannot be read: " + e);
        }
    }

    private static String text(VectorResult result) {
        String line = name(result.status()).toUpperCase(Locale.ROOT) + " " + result.file();
        return result.held() ? line : line + ": " + result.differed();
    }

    private static String json(VectorResult result) {
        ObjectNode node = Json.object();
        node.put("status", name(result.status()));
        node.put("what", "vector");
        node.put("file", result.file());
        node.put("kind", result.kind());
        node.put("expect", result.expect());
        node.put("wanted", result.wanted());
        node.put("got", result.got());
        node.put("differed", result.differed());
        return Json.line(node);
    }

    private static String json(CheckReport report, Status worst) {
        ObjectNode node = Json.object();
        node.put("status", name(worst));
        node.put("what", "vectors");
        node.put("summary", report.summary());
        node.put("vectors", report.results().size());
        Map<Status, Long> statuses = report.statuses();
        node.put("held", statuses.get(Status.VALID));
        node.put("failed", statuses.get(Status.FAILED));
        node.put("malformed", statuses.get(Status.MALFORMED));
        node.put("errors", statuses.get(Status.ERROR));
        ObjectNode counts = node.putObject("counts");
        report.counts().forEach(counts::put);
        return Json.line(node);
    }

    /** The most severe status of the run: error, then malformed, then failed, then valid. */
    private static Status worst(CheckReport report) {
        return report.results().stream()
                .map(VectorResult::status)
                .max(Enum::compareTo)
                .orElse(Status.VALID);
    }

    private static int exitCode(Status status) {
        return switch (status) {
            case VALID -> ExitCode.VALID;
            case FAILED -> ExitCode.REJECTED;
            case MALFORMED -> ExitCode.MALFORMED;
            case ERROR -> ExitCode.INTERNAL;
        };
    }

    private static String name(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
