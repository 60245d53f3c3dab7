package dev.cairn.verifier.cli;

import dev.cairn.checkpoint.LogId;
import dev.cairn.verifier.AnchorKeys;
import dev.cairn.verifier.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The log's trust anchors: {@code --key} (repeatable) and {@code --log-id}. */
final class LogKeyOptions {
    private static final String PEM = "-----BEGIN ";

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "A trusted key of the log: a COSE_Key (binary or hex), or a PEM certificate whose"
                    + " key is trusted as given. Repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(
            names = "--log-id",
            paramLabel = "ID",
            required = true,
            converter = Converters.LogIdValue.class,
            description = "The log the input must come from, e.g. demo.example/audit.")
    LogId logId;

    /** Reads every {@code --key} into the anchors. */
    void addTo(TrustAnchors.Builder anchors, Inputs inputs) {
        for (String name : keys) {
            byte[] content = inputs.bytes(name);
            if (new String(content, StandardCharsets.US_ASCII).strip().startsWith(PEM)) {
                anchors.logKey(
                        AnchorKeys.fromCertificate(inputs.certificates(name).get(0)));
            } else {
                anchors.logCoseKey(Inputs.decodeHex(content));
            }
        }
    }
}
