package dev.cairn.verifier.cli;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.LogId;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.Statement;
import dev.cairn.receipt.VerifiedConsistencyReceipt;
import dev.cairn.receipt.VerifiedInclusionReceipt;
import dev.cairn.receipt.VerifiedReceipt;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.verifier.AuditedReceipt;
import dev.cairn.verifier.CheckpointChainVerifier;
import dev.cairn.verifier.CoseReceipts;
import dev.cairn.verifier.FullReceiptVerifier;
import dev.cairn.verifier.TrustAnchors;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify receipt}: a full receipt (with the signer's certificate chain if given), or a
 * COSE Receipt of inclusion or consistency ({@code --cose}).
 */
@Command(
        name = "receipt",
        description = {
            "Verifies a full receipt, or a COSE Receipt (--cose).",
            "A full receipt (spec/receipts.md): statement signature, inclusion under the checkpoint, checkpoint"
                    + " signature; with --signer-chain also the signer's certificate, its revocation status and"
                    + " that it carries the signing key.",
            "With --cose, verifies a COSE Receipt (RFC 9942, MMR profile) of inclusion or consistency;"
                    + " with --foreign also one made by another implementation of the profile."
        })
final class ReceiptCommand extends VerifyCommand {
    /** The two kinds of COSE Receipt. */
    enum CoseKind {
        /** A receipt of inclusion of a leaf. */
        INCLUSION,
        /** A receipt of consistency from a trusted state. */
        CONSISTENCY
    }

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "The receipt (binary or hex); - for standard input.")
    String receipt;

    @Mixin
    LogKeyOptions log;

    @Mixin
    TimeOptions time;

    @Mixin
    TrustOptions trust;

    @Option(
            names = "--cose",
            paramLabel = "KIND",
            description = "The receipt is a COSE Receipt of inclusion or of consistency, not a full receipt.")
    CoseKind cose;

    @Option(
            names = "--foreign",
            description = "COSE: the receipt may come from another implementation of the profile: Cairn's log id"
                    + " is not required nor compared with --log-id, and the one --key must have signed it"
                    + " whatever its kid.")
    boolean foreign;

    @Option(names = "--epoch", paramLabel = "N", description = "The epoch the statement must be issued in.")
    Long epoch;

    @Option(names = "--any-epoch", description = "Accept a statement of any epoch.")
    boolean anyEpoch;

    @Option(
            names = "--signer-chain",
            paramLabel = "FILE",
            description = "The log signer's certificate chain (PEM, leaf first); needs --trust-bundle.")
    String signerChain;

    @Option(
            names = "--leaf",
            paramLabel = "HASH",
            converter = Converters.DigestValue.class,
            description = "COSE inclusion: the leaf (marker hash) the receipt is for, 64 lowercase hex characters.")
    Digest leaf;

    @Option(
            names = "--accumulator",
            paramLabel = "FILE",
            description = "COSE: the trusted accumulator, JSON {\"size\": n, \"peaks\": [...]}.")
    String accumulator;

    @Option(
            names = "--checkpoint",
            paramLabel = "FILE",
            description = "COSE: a signed checkpoint of the log whose accumulator is trusted (verified first).")
    String checkpoint;

    @Override
    String what() {
        if (cose == null) {
            return "receipt";
        }
        return cose == CoseKind.INCLUSION ? "cose-inclusion-receipt" : "cose-consistency-receipt";
    }

    @Override
    int verify(Output results) {
        Inputs inputs = inputs();
        if (cose == null) {
            return results.valid(full(inputs), Output.ALONE);
        }
        return results.valid(cose(inputs), Output.ALONE);
    }

    private Report full(Inputs inputs) {
        if ((epoch != null) == anyEpoch) {
            throw usage("a full receipt needs exactly one of --epoch and --any-epoch");
        }
        if (leaf != null || accumulator != null || checkpoint != null || foreign) {
            throw usage("--leaf, --accumulator, --checkpoint and --foreign are for --cose receipts");
        }
        if (log.keys.isEmpty() && signerChain == null) {
            throw usage("give the log's key (--key) or the signer's certificate chain (--signer-chain)");
        }
        if (signerChain != null && trust.bundle == null) {
            throw usage("--signer-chain needs --trust-bundle");
        }
        if (signerChain == null && trust.given()) {
            throw usage("--trust-bundle and the revocation options are used with --signer-chain");
        }
        TrustAnchors.Builder builder = TrustAnchors.builder().clock(time.clock());
        log.addTo(builder, inputs);
        trust.addTo(builder, inputs);
        List<X509Certificate> chain = signerChain == null ? null : inputs.certificates(signerChain);
        byte[] bytes = inputs.binary(receipt);
        TrustAnchors anchors = builder.build();
        FullReceiptVerifier.Builder verifier = FullReceiptVerifier.builder(anchors)
                .expectLogId(log.logId)
                .maxClockSkew(time.maxSkew)
                .tier(trust.tier);
        if (epoch == null) {
            verifier.ignoreEpoch();
        } else {
            verifier.expectEpoch(epoch);
        }
        AuditedReceipt audited = chain == null
                ? verifier.build().verify(bytes)
                : verifier.build().verify(bytes, chain);
        return report(audited);
    }

    private static Report report(AuditedReceipt audited) {
        VerifiedReceipt verified = audited.receipt();
        Statement statement = verified.statement();
        Checkpoint checkpoint = verified.checkpoint().checkpoint();
        Report report = Report.of(
                        "receipt",
                        "statement " + statement.sequence() + " (" + statement.kind() + ", " + statement.subject()
                                + ") is in log " + statement.logId() + " under the checkpoint of size "
                                + checkpoint.size()
                                + audited.signer()
                                        .map(s -> ", signed by " + s.id().uri())
                                        .orElse(""))
                .with("log_id", statement.logId().value())
                .with("sequence", statement.sequence())
                .with("mmr_index", verified.mmrIndex())
                .with("action", statement.kind())
                .with("actor", statement.actor())
                .with("subject", statement.subject())
                .with("epoch", statement.epoch())
                .with("time", statement.time().toString())
                .with("outcome", statement.outcome())
                .with("policy_hash", statement.policyHash().toHex())
                .with("request_hash", statement.requestHash().toHex())
                .with("marker_hash", verified.marker().hash().toHex())
                .with("checkpoint_size", checkpoint.size())
                .with("checkpoint_epoch", checkpoint.epoch())
                .with("checkpoint_time", checkpoint.time().toString())
                .with("signer_kid", verified.statementSigner().kid().toHex());
        if (audited.signer().isPresent()) {
            PeerIdentity signer = audited.signer().get();
            report.with("signer_identity", signer.id().uri())
                    .with("signer_serial", signer.serial().toString(16))
                    .with("signer_not_after", signer.notAfter().toString());
        }
        return report;
    }

    private Report cose(Inputs inputs) {
        if (epoch != null || anyEpoch || signerChain != null || trust.given()) {
            throw usage("--epoch, --any-epoch, --signer-chain and the trust options are for full receipts");
        }
        if (log.keys.isEmpty()) {
            throw usage("a COSE Receipt needs the log's key (--key)");
        }
        if (foreign && log.keys.size() != 1) {
            throw usage("--foreign takes exactly one --key, the key that signed the receipt");
        }
        if (accumulator != null && checkpoint != null) {
            throw usage("give at most one of --accumulator and --checkpoint");
        }
        if (cose == CoseKind.INCLUSION && leaf == null) {
            throw usage("a COSE Receipt of inclusion needs --leaf");
        }
        if (cose == CoseKind.CONSISTENCY && (leaf != null || (accumulator == null && checkpoint == null))) {
            throw usage("a COSE Receipt of consistency needs --accumulator or --checkpoint, and no --leaf");
        }
        TrustAnchors.Builder builder = TrustAnchors.builder().clock(time.clock());
        log.addTo(builder, inputs);
        TrustAnchors anchors = builder.build();
        Optional<Accumulator> trusted = trustedState(inputs, anchors);
        byte[] bytes = inputs.binary(receipt);
        CoseReceipts.Builder verifier = CoseReceipts.builder(anchors);
        if (foreign) {
            verifier.ignoreLogId().ignoreKid();
        } else {
            verifier.expectLogId(log.logId);
        }
        CoseReceipts receipts = verifier.build();
        if (cose == CoseKind.INCLUSION) {
            VerifiedInclusionReceipt verified = trusted.isPresent()
                    ? receipts.verifyInclusion(bytes, leaf, trusted.get())
                    : receipts.verifyInclusion(bytes, leaf);
            Report report = Report.of(
                    "cose-inclusion-receipt",
                    "node " + verified.index() + " is in " + logName(verified.logIdIfPresent()) + " under peak "
                            + verified.peak().toHex()
                            + trusted.map(a -> " of the accumulator of size " + a.size())
                                    .orElse(""));
            verified.logIdIfPresent().ifPresent(id -> report.with("log_id", id.value()));
            return report.with("index", verified.index())
                    .with("is_leaf", MmrMath.height(verified.index()) == 0)
                    .with("leaf", verified.leaf().toHex())
                    .with("peak", verified.peak().toHex())
                    .with("anchored", trusted.isPresent())
                    .with("signer_kid", verified.signer().kid().toHex());
        }
        VerifiedConsistencyReceipt verified = receipts.verifyConsistency(bytes, trusted.orElseThrow());
        List<String> peaks = new ArrayList<>();
        verified.to().peaks().forEach(p -> peaks.add(p.toHex()));
        Report report = Report.of(
                "cose-consistency-receipt",
                logName(verified.logIdIfPresent()) + " of size " + verified.to().size() + " extends size "
                        + verified.from().size() + " by appends only");
        verified.logIdIfPresent().ifPresent(id -> report.with("log_id", id.value()));
        return report.with("size1", verified.from().size())
                .with("size2", verified.to().size())
                .with("peaks2", peaks)
                .with("signer_kid", verified.signer().kid().toHex());
    }

    /** "log ID", or "the log" for a receipt that names none (only with {@code --foreign}). */
    private static String logName(Optional<LogId> id) {
        return id.map(i -> "log " + i).orElse("the log");
    }

    private Optional<Accumulator> trustedState(Inputs inputs, TrustAnchors anchors) {
        if (accumulator != null) {
            return Optional.of(AccumulatorFile.read(inputs.bytes(accumulator)));
        }
        if (checkpoint != null) {
            return Optional.of(CheckpointChainVerifier.builder(anchors)
                    .expectLogId(log.logId)
                    .maxClockSkew(time.maxSkew)
                    .build()
                    .verify(inputs.binary(checkpoint))
                    .checkpoint()
                    .accumulator());
        }
        return Optional.empty();
    }
}
