package dev.cairn.verifier.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.receipt.Statement;

/**
 * The statement checks of {@code spec/audit-bundle.md} (entry step 4) on the generic decoders: the
 * reference the fast scanner must agree with, and the path for every statement it does not
 * recognise.
 */
final class StatementCheck {
    private StatementCheck() {}

    /**
     * Checks one statement against its marker.
     *
     * @return whether a signature was verified
     */
    static boolean check(byte[] statement, long seq, String kind, StatementContext ctx) {
        CoseSign1 message = CoseSign1.decode(statement, CborLimits.DEFAULT);
        Bytes payload;
        VerificationKey signer = null;
        boolean verified = !provenByCheckpoint(message, ctx);
        if (verified) {
            VerifiedSign1 checked = ctx.cose.verify(statement);
            payload = checked.payload();
            signer = checked.key();
        } else {
            payload = message.payload()
                    .orElseThrow(() -> new MalformedInputException(
                            ErrorCode.COSE_PAYLOAD_MISMATCH, "a statement's payload is attached"));
        }
        if (!(Cbor.decode(payload.toByteArray()) instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "statement payload must be a map");
        }
        Statement s = Statement.fromCbor(map);
        if (!s.logId().equals(ctx.logId)) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_LOG_MISMATCH, ctx.logId.value(), s.logId().value());
        }
        if (s.sequence() != seq) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_NOT_INCLUDED, "statement sequence " + seq, Long.toString(s.sequence()));
        }
        if (!s.kind().equals(kind)) {
            throw VerificationException.mismatch(ErrorCode.RECEIPT_NOT_INCLUDED, "statement kind " + kind, s.kind());
        }
        if (s.time().toEpochMilli() > ctx.checkpointMillis) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    "at most " + ctx.checkpointMillis + " ms",
                    s.time().toEpochMilli() + " ms");
        }
        if (signer != null) {
            ctx.certified.check(signer, s.time());
        }
        return verified;
    }

    /** The form whose signature the default policy leaves to the checkpoint. */
    static boolean provenByCheckpoint(CoseSign1 message, StatementContext ctx) {
        return ctx.policy == StatementSignaturePolicy.VERIFY_OTHER_SIGNERS
                && message.protectedHeader().equals(ctx.signerHeader)
                && message.unprotectedHeader().size() == 0
                && message.signature().length() == 64;
    }
}
