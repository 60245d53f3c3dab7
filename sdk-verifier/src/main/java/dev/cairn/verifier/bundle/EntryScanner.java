package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleItem;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.hash.HashDomain;
import dev.cairn.marker.Marker;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The parallel stage: checks a chunk's entries in order (entry steps 1 to 6 of {@code
 * spec/audit-bundle.md}, the first entry's link excepted) and computes their marker hashes.
 *
 * <p>Entries and statements in the exact canonical form Cairn writes are read in place, without
 * allocating, by {@link EntryParser} and {@link StatementParser}. Anything else, and every failure,
 * goes to the generic decoders ({@link AuditBundleItem#decode}, {@link StatementCheck}), which decide
 * the outcome and the code: the fast path only ever accepts what they accept. One scanner per worker
 * thread.
 */
final class EntryScanner {
    private static final HexFormat HEX = HexFormat.of();

    private final long first;
    private final long count;
    private final StatementContext ctx;
    private final MessageDigest sha256;
    private final byte[] statementTag = framed(HashDomain.STATEMENT);
    private final byte[] markerTag = framed(HashDomain.MARKER);
    private final byte[] content = new byte[192];
    private final byte[] statementDigest = new byte[Digest.LENGTH];
    private final EntryParser entry = new EntryParser();
    private final StatementParser statement;

    EntryScanner(long first, long count, StatementContext ctx) {
        this.first = first;
        this.count = count;
        this.ctx = ctx;
        this.statement = new StatementParser(ctx);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        }
    }

    /** Scans every entry of the chunk, stopping at the first that fails. */
    void scan(Chunk c) {
        for (int i = 0; i < c.entries; i++) {
            long seq = first + c.firstIndex + i;
            try {
                scan(c, i, seq);
            } catch (CairnException e) {
                c.fail(i, Failures.at(e, seq));
                return;
            } catch (RuntimeException e) {
                c.fail(i, Failures.at(new InternalException(ErrorCode.INTERNAL_BUG, "scanning: " + e, e), seq));
                return;
            }
        }
    }

    private void scan(Chunk c, int i, long seq) {
        byte[] b = c.data;
        int start = c.starts[i];
        int end = start + c.lengths[i];
        if (!entry.parse(b, start, end) || (entry.seq == 0 && !isZero(b, entry.prevOff))) {
            generic(c, i, seq, Arrays.copyOfRange(b, start, end));
            return;
        }
        if (entry.seq != seq) {
            throw Failures.chain(seq, "seq", Long.toString(seq), Long.toString(entry.seq));
        }
        int out = i * Digest.LENGTH;
        if (entry.statementLen < 0) {
            hash(markerTag, b, start, end - start, c.hashes, out);
        } else {
            hash(statementTag, b, entry.statementOff, entry.statementLen, statementDigest, 0);
            if (!statement.provenByCheckpoint(b, entry, seq)) {
                byte[] bytes = Arrays.copyOfRange(b, entry.statementOff, entry.statementOff + entry.statementLen);
                String kind = new String(b, entry.kindOff, entry.kindLen, StatementParser.ASCII);
                if (StatementCheck.check(bytes, seq, kind, ctx)) {
                    c.signatures++;
                }
            }
            c.receipts++;
            int n = 0;
            content[n++] = (byte) 0x85;
            System.arraycopy(b, entry.fieldsOff, content, n, entry.fieldsLen);
            n += entry.fieldsLen;
            content[n++] = 0x58;
            content[n++] = 0x20;
            System.arraycopy(statementDigest, 0, content, n, Digest.LENGTH);
            n += Digest.LENGTH;
            System.arraycopy(b, entry.prevOff - 2, content, n, Digest.LENGTH + 2);
            n += Digest.LENGTH + 2;
            hash(markerTag, content, 0, n, c.hashes, out);
        }
        link(c, i, seq, b, entry.prevOff, entry.time);
    }

    /** The generic path: decodes the entry with sdk-core's strict decoders and checks it the same way. */
    private void generic(Chunk c, int i, long seq, byte[] item) {
        AuditBundleItem decoded = AuditBundleItem.decode(item);
        if (decoded instanceof AuditBundleTrailer) {
            throw Failures.incomplete("a trailer after " + (seq - first) + " entries; the header counts " + count, seq);
        }
        Marker marker = ((AuditBundleEntry) decoded).marker();
        if (marker.seq() != seq) {
            throw Failures.chain(seq, "seq", Long.toString(seq), Long.toString(marker.seq()));
        }
        Bytes signed = ((AuditBundleEntry) decoded).statement().orElse(null);
        if (signed != null) {
            if (StatementCheck.check(signed.toByteArray(), seq, marker.kind(), ctx)) {
                c.signatures++;
            }
            c.receipts++;
        }
        marker.hash().bytes().copyTo(c.hashes, i * Digest.LENGTH);
        link(c, i, seq, marker.prevHash().toByteArray(), 0, marker.timeMillis());
    }

    /** Entry steps 5 and 6 inside the chunk; the first entry's are the sequencer's. */
    private static void link(Chunk c, int i, long seq, byte[] prev, int prevOff, long time) {
        if (i == 0) {
            System.arraycopy(prev, prevOff, c.firstPrev, 0, Digest.LENGTH);
            c.firstTime = time;
        } else {
            int before = (i - 1) * Digest.LENGTH;
            if (!Arrays.equals(prev, prevOff, prevOff + Digest.LENGTH, c.hashes, before, before + Digest.LENGTH)) {
                throw Failures.chain(
                        seq,
                        "prev_hash",
                        HEX.formatHex(c.hashes, before, before + Digest.LENGTH),
                        HEX.formatHex(prev, prevOff, prevOff + Digest.LENGTH));
            }
            if (time < c.lastTime) {
                throw Failures.chain(seq, "time", "at least " + c.lastTime, Long.toString(time));
            }
        }
        c.lastTime = time;
    }

    private void hash(byte[] tag, byte[] in, int off, int len, byte[] out, int outOff) {
        sha256.update(tag);
        sha256.update(in, off, len);
        try {
            sha256.digest(out, outOff, Digest.LENGTH);
        } catch (DigestException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 output", e);
        }
    }

    private static boolean isZero(byte[] b, int off) {
        for (int k = 0; k < Digest.LENGTH; k++) {
            if (b[off + k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code len(tag) || tag}, the prefix of {@code spec/hashing.md}'s DomainHash. */
    static byte[] framed(HashDomain domain) {
        byte[] tag = domain.tag().getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[tag.length + 1];
        framed[0] = (byte) tag.length;
        System.arraycopy(tag, 0, framed, 1, tag.length);
        return framed;
    }
}
