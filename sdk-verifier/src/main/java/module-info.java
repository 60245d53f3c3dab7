/**
 * Cairn's offline verifier: checks what a Cairn log exported against trust anchors obtained out of
 * band, trusting nothing of the exporter but the maths. Each package documents its spec under
 * {@code spec/}.
 */
module dev.cairn.verifier {
    requires transitive dev.cairn.core;
    requires transitive dev.cairn.trust;
    requires static info.picocli;
    requires static com.fasterxml.jackson.databind;

    exports dev.cairn.verifier;
    exports dev.cairn.verifier.rfc9162;
    exports dev.cairn.verifier.note;
    exports dev.cairn.verifier.bundle;

    // The command line is not an API; picocli reads its annotated options reflectively.
    opens dev.cairn.verifier.cli to
            info.picocli;
}
