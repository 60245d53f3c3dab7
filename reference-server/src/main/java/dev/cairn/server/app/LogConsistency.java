package dev.cairn.server.app;

import dev.cairn.errors.ErrorCode;
import dev.cairn.mmr.Accumulator;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.http.CheckResult;
import dev.cairn.server.store.audit.AuditLog;
import java.util.Optional;

/**
 * Readiness: the log's head is consistent with its latest checkpoint: the checkpoint is not ahead of
 * the committed MMR, and the MMR's accumulator at the checkpoint's size is the one it signed.
 */
final class LogConsistency {
    private LogConsistency() {}

    static CheckResult check(AuditLog log) {
        Optional<SignedCheckpoint> latest = log.latestCheckpoint();
        long size = log.proofs().size();
        if (latest.isEmpty()) {
            return CheckResult.ok("no checkpoint yet; MMR size " + size);
        }
        Accumulator signed = latest.get().checkpoint().accumulator();
        if (signed.size() > size) {
            return CheckResult.failed(
                    ErrorCode.STORE_INCONSISTENT,
                    "the latest checkpoint has MMR size " + signed.size() + " but the log only " + size);
        }
        if (!log.proofs().accumulator(signed.size()).equals(signed)) {
            return CheckResult.failed(
                    ErrorCode.STORE_INCONSISTENT,
                    "the log's accumulator at size " + signed.size() + " differs from the latest checkpoint's");
        }
        return CheckResult.ok("checkpoint at MMR size " + signed.size() + " of " + size);
    }
}
