package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.verifier.TrustAnchors;
import dev.cairn.verifier.bundle.AuditBundleVerifier;
import dev.cairn.verifier.bundle.StatementSignaturePolicy;
import dev.cairn.verifier.bundle.VerifiedAuditBundle;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify bundle}: an audit bundle ({@code spec/audit-bundle.md}), streamed, verified on
 * every core with bounded memory, against the log's keys or the trust bundle's CA keys.
 */
@Command(
        name = "bundle",
        description = {
            "Verifies an audit bundle (spec/audit-bundle.md) offline: the covering checkpoint's signature,"
                    + " the older checkpoints' consistency, every receipt of the range by its hashes, and the"
                    + " signatures of statements the checkpoint's signer did not write.",
            "Trust the log's keys (--key) or a trust bundle (--trust-bundle), obtained out of band: its CA keys,"
                    + " and the log keys whose certificate chain the bundle carries, checked against it and the"
                    + " carried or given (--revocation-head) revocation head at --tier."
        })
final class BundleCommand extends VerifyCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The audit bundle (a file, or - for standard input).")
    String bundle;

    @Mixin
    LogKeyOptions log;

    @Mixin
    TrustOptions trust;

    @Mixin
    TimeOptions time;

    @Option(
            names = "--all-signatures",
            description = "Also verify the signature of every statement the checkpoint already proves"
                    + " (one signature check per receipt).")
    boolean allSignatures;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; default: the number of processors.")
    Integer threads;

    @Override
    String what() {
        return "audit-bundle";
    }

    @Override
    int verify(Output results) {
        if (log.keys.isEmpty() && !trust.given()) {
            throw usage("an audit bundle needs the log's key (--key) or a trust bundle (--trust-bundle)");
        }
        Inputs inputs = inputs();
        TrustAnchors.Builder anchors = TrustAnchors.builder().clock(time.clock());
        log.addTo(anchors, inputs);
        trust.addTo(anchors, inputs);
        TrustAnchors built = anchors.build();
        AuditBundleVerifier.Builder builder = AuditBundleVerifier.builder()
                .expectLogId(log.logId)
                .clock(time.clock())
                .maxClockSkew(time.maxSkew)
                .statementSignatures(
                        allSignatures
                                ? StatementSignaturePolicy.VERIFY_ALL
                                : StatementSignaturePolicy.VERIFY_OTHER_SIGNERS);
        built.logKeys().ifPresent(builder::trustedLogKeys);
        built.trustBundle().ifPresent(held -> builder.trustAnchors(held.bundle()));
        builder.tier(trust.tier);
        if (trust.head != null) {
            // Verified again by the bundle verifier, against the trust bundle after the audit bundle's updates.
            builder.revocation(
                    inputs.binary(trust.head),
                    trust.entries == null ? List.of() : RevocationEntries.decode(inputs.binary(trust.entries)));
        }
        if (threads != null) {
            if (threads < 1) {
                throw usage("--threads must be at least 1");
            }
            builder.parallelism(threads);
        }
        AtomicReference<ProgressBar> bar = new AtomicReference<>();
        builder.progressListener((done, total) -> {
            if (bar.get() == null) {
                bar.set(ProgressBar.start(console(), output.progress, "bundle", total, "receipts"));
            }
            bar.get().update(done, done);
        });
        VerifiedAuditBundle verified;
        java.util.Optional<java.nio.file.Path> file = inputs.file(bundle);
        try (InputStream in = file.isPresent() ? null : inputs.stream(bundle)) {
            // A file is read through its mapping (AuditBundleVerifier.verify(Path)), standard input as a stream.
            verified = file.isPresent()
                    ? builder.build().verify(file.get())
                    : builder.build().verify(in);
        } catch (java.io.IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "reading " + bundle + ": " + e, e);
        } finally {
            if (bar.get() != null) {
                bar.get().close();
            }
        }
        long last = verified.first() + verified.count() - 1;
        Report report = Report.of(
                        "audit-bundle",
                        verified.receipts() + " receipts of " + verified.logId() + " (markers "
                                + verified.first() + ".." + last + ") under the checkpoint of size "
                                + verified.checkpoint().checkpoint().size() + ", "
                                + verified.signaturesVerified()
                                + (verified.signaturesVerified() == 1 ? " signature check" : " signature checks"))
                .with("log_id", verified.logId().toString())
                .with("first", verified.first())
                .with("count", verified.count())
                .with("receipts", verified.receipts())
                .with("checkpoint_size", verified.checkpoint().checkpoint().size())
                .with("older_checkpoints", verified.olderCheckpoints().size())
                .with("head", verified.head().toHex())
                .with("signatures_verified", verified.signaturesVerified());
        verified.checkpointSigner()
                .ifPresent(signer -> report.with("signer_identity", signer.id().uri())
                        .with("signer_serial", signer.serial().toString(16))
                        .with("signer_not_after", signer.notAfter().toString()));
        return results.valid(report, Output.ALONE);
    }
}
