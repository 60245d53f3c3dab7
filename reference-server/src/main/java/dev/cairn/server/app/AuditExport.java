package dev.cairn.server.app;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.pki.ServerPki;
import dev.cairn.server.revocation.PublishedHead;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.trust.revocation.RevocationEntries;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Exports audit bundles that an auditor verifies holding only the trust bundle ({@code
 * audit-bundle.md}, certified log keys): besides the range, its covering checkpoint and the log key,
 * each bundle carries the log key's {@code LOG_SIGNER} certificate chain and the newest signed
 * revocation head with the whole revocation chain it commits to.
 */
public final class AuditExport {
    private final AuditLog log;
    private final ServerPki pki;
    private final ServerRevocation revocation;

    /**
     * An exporter.
     *
     * @param log the audit log
     * @param pki the PKI, for the log signer's chain
     * @param revocation the revocation chain and its published heads
     */
    public AuditExport(AuditLog log, ServerPki pki, ServerRevocation revocation) {
        this.log = Objects.requireNonNull(log, "log");
        this.pki = Objects.requireNonNull(pki, "pki");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /**
     * Writes the bundle of markers {@code first .. first + count - 1} under the latest checkpoint.
     *
     * @param out where it goes; flushed, not closed
     * @param first the first sequence
     * @param count how many markers
     * @return the trailer written
     * @throws VerificationException {@link ErrorCode#STORE_NOT_FOUND} before the first checkpoint or
     *     for a range outside the log, {@link ErrorCode#STORE_RECEIPT_PENDING} when the latest
     *     checkpoint does not cover it, {@link ErrorCode#REVOCATION_HEAD_STALE} before the first head
     */
    public AuditBundleTrailer export(OutputStream out, long first, long count) {
        checkRange(first, count);
        SignedCheckpoint covering = log.latestCheckpoint()
                .orElseThrow(() -> new VerificationException(ErrorCode.STORE_NOT_FOUND, "no checkpoint yet"));
        return export(out, first, count, covering);
    }

    /**
     * Refuses a range the log does not hold, before anything is written.
     *
     * @param first the first sequence
     * @param count how many markers
     * @throws VerificationException {@link ErrorCode#STORE_NOT_FOUND}
     */
    public void checkRange(long first, long count) {
        long size = log.markers().size();
        if (first < 0 || count < 1 || first > size || count > size - first) {
            throw new VerificationException(
                    ErrorCode.STORE_NOT_FOUND,
                    "the log holds markers 0 to " + (size - 1) + "; asked for " + first + " to " + (first + count - 1));
        }
    }

    private AuditBundleTrailer export(OutputStream out, long first, long count, SignedCheckpoint covering) {
        PublishedHead head = revocation
                .current()
                .orElseThrow(() ->
                        new VerificationException(ErrorCode.REVOCATION_HEAD_STALE, "no revocation head published yet"));
        List<Bytes> entries = new ArrayList<>();
        for (long from = 0; from < head.chainSize(); from += RevocationEntries.MAX_ENTRIES) {
            long to = Math.min(head.chainSize(), from + RevocationEntries.MAX_ENTRIES);
            entries.add(Bytes.copyOf(RevocationEntries.encode(revocation.entries(from, to))));
        }
        AuditBundleExporter.Builder exporter = log.bundleExporter(covering)
                .logKeyCertificateChain(der(pki.logSigner().chain()));
        earlierLogSignerChains(first, AuditBundleFormat.MAX_TRUST_MATERIAL - 2 - entries.size())
                .forEach(chain -> exporter.logKeyCertificateChain(der(chain)));
        return exporter.revocation(head.signedHead(), entries).build().export(out, first, count);
    }

    /**
     * The log key's chains from before its renewals that were still valid when the range's first
     * marker was written, newest first, as many as the header has room for: with them an auditor
     * checks statements signed under an earlier certificate of the same key ({@code --all-signatures}).
     */
    private List<List<X509Certificate>> earlierLogSignerChains(long first, int room) {
        Instant since = log.markers().get(first).time();
        return pki.logSigner().earlierChains().stream()
                .filter(chain -> !chain.get(0).getNotAfter().toInstant().isBefore(since))
                .limit(Math.max(0, room))
                .toList();
    }

    private static List<Bytes> der(List<X509Certificate> chain) {
        List<Bytes> out = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                out.add(Bytes.copyOf(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "certificate encoding: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
