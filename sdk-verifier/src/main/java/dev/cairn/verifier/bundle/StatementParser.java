package dev.cairn.verifier.bundle;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises, in place, a statement the covering checkpoint proves ({@link
 * StatementSignaturePolicy#VERIFY_OTHER_SIGNERS}) and passes its checks: the tagged COSE_Sign1 with
 * exactly the checkpoint signer's protected header, an empty unprotected header and a 64-byte
 * signature, whose payload is the statement map in canonical form with this log's id, the entry's
 * sequence and kind, and a time not after the checkpoint's. It answers false to anything else, which
 * then goes to {@link StatementCheck}: so what it accepts, the generic path accepts too.
 */
final class StatementParser extends CborCursor {
    static final Charset ASCII = StandardCharsets.US_ASCII;

    private final StatementContext ctx;

    StatementParser(StatementContext ctx) {
        this.ctx = ctx;
    }

    boolean provenByCheckpoint(byte[] bytes, EntryParser entry, long seq) {
        if (ctx.policy != StatementSignaturePolicy.VERIFY_OTHER_SIGNERS) {
            return false;
        }
        int statementEnd = entry.statementOff + entry.statementLen;
        reset(bytes, entry.statementOff, statementEnd);
        if (!next(0xd2) || !next(0x84) || !fixed(ctx.signerHeaderItem) || !next(0xa0)) {
            return false;
        }
        int payloadLen = string(2);
        if (payloadLen < 1) {
            return false;
        }
        int payloadEnd = pos;
        if (end - pos != 66 || b[pos] != 0x58 || b[pos + 1] != 0x40) {
            return false;
        }
        reset(bytes, payloadEnd - payloadLen, payloadEnd);
        return next(0xaa)
                && next(0x01)
                && fixed(ctx.logIdItem)
                && next(0x02)
                && sameBytes(bytes, entry.kindItemOff, entry.kindOff + entry.kindLen)
                && next(0x03)
                && text(0)
                && next(0x04)
                && text(0)
                && next(0x05)
                && head(0) >= 0
                && next(0x06)
                && head(0) == seq
                && next(0x07)
                && time()
                && next(0x08)
                && hash()
                && next(0x09)
                && hash()
                && next(0x0a)
                && text(1)
                && pos == end;
    }

    private boolean time() {
        long millis = head(0);
        return millis >= 0 && millis <= ctx.checkpointMillis;
    }

    private boolean text(int minLength) {
        int length = string(3);
        return length >= minLength && Utf8Check.wellFormed(b, pos - length, pos);
    }

    private boolean fixed(byte[] item) {
        return sameBytes(item, 0, item.length);
    }

    private boolean sameBytes(byte[] source, int from, int to) {
        int length = to - from;
        if (end - pos < length || !Arrays.equals(b, pos, pos + length, source, from, to)) {
            return false;
        }
        pos += length;
        return true;
    }
}
