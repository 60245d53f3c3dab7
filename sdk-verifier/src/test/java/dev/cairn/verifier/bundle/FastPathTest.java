package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleItem;
import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeySet;
import dev.cairn.receipt.SignedCheckpoint;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The in-place readers never accept what the strict generic decoders refuse: fed real entries and
 * statements with any byte changed, whatever {@link EntryParser} and {@link StatementParser} accept,
 * {@link AuditBundleItem#decode} and {@link StatementCheck} accept with the same values. And they do
 * accept what a Cairn log writes, which is what makes verification fast.
 */
class FastPathTest {
    @TempDir
    static Path dir;

    private static TestLog t;
    private static List<byte[]> entries;
    private static StatementContext ctx;

    @BeforeAll
    static void export() {
        t = TestLog.open(dir).grow(12);
        SignedCheckpoint covering = t.checkpoint();
        List<byte[]> items = Frames.split(t.export(0, 12, covering));
        entries = items.subList(1, items.size() - 1);
        KeySet keys = KeySet.of(t.key.verificationKey());
        VerifiedCheckpoint verified = CheckpointVerifier.builder()
                .trustedKeys(keys)
                .expectLogId(TestLog.LOG)
                .clock(TestLog.NOW)
                .build()
                .verify(covering.signed().toByteArray());
        Rules rules = new Rules(
                List.of(t.key.verificationKey()),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                dev.cairn.trust.revocation.FreshnessTier.SAFE,
                TestLog.LOG,
                List.of(CoseAlgorithm.values()),
                TestLog.NOW,
                Duration.ofMinutes(5),
                StatementSignaturePolicy.VERIFY_OTHER_SIGNERS,
                1,
                null);
        ctx = new StatementContext(rules, keys, CertifiedKeys.NONE, verified);
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @Test
    void whatACairnLogWritesTakesTheFastPath() {
        EntryParser parser = new EntryParser();
        StatementParser statements = new StatementParser(ctx);
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            assertTrue(parser.parse(entry, 0, entry.length), "entry " + i);
            assertTrue(statements.provenByCheckpoint(entry, parser, i), "statement " + i);
        }
    }

    @Test
    void theEntryParserAcceptsOnlyWhatTheDecoderAccepts() {
        EntryParser parser = new EntryParser();
        qt().withExamples(3000)
                .forAll(
                        integers().between(0, 11),
                        integers().between(0, 500),
                        integers().between(1, 255))
                .checkAssert((which, at, delta) -> {
                    byte[] entry = entries.get(which).clone();
                    entry[at % entry.length] += delta.byteValue();
                    if (parser.parse(entry, 0, entry.length)) {
                        sameAsDecoded(parser, entry);
                    }
                });
    }

    @Test
    void theEntryParserAcceptsOnlyWhatTheDecoderAcceptsForMarkerEntries() {
        EntryParser parser = new EntryParser();
        byte[] good = AuditBundleEntry.marker(t.issued.get(3).marker()).encode();
        assertTrue(parser.parse(good, 0, good.length));
        qt().withExamples(2000)
                .forAll(integers().between(0, good.length - 1), integers().between(1, 255))
                .checkAssert((at, delta) -> {
                    byte[] entry = good.clone();
                    entry[at] += delta.byteValue();
                    if (parser.parse(entry, 0, entry.length)) {
                        sameAsDecoded(parser, entry);
                    }
                });
    }

    private static void sameAsDecoded(EntryParser parser, byte[] entry) {
        boolean genesis = parser.seq == 0;
        AuditBundleEntry decoded;
        try {
            decoded = (AuditBundleEntry) AuditBundleItem.decode(entry);
        } catch (CairnException e) {
            assertTrue(genesis, "the fast parser accepted what the decoder refuses: " + e.getMessage());
            return;
        }
        assertEquals(decoded.marker().seq(), parser.seq);
        assertEquals(decoded.marker().timeMillis(), parser.time);
        assertEquals(decoded.marker().kind(), new String(entry, parser.kindOff, parser.kindLen, StatementParser.ASCII));
        assertArrayEquals(decoded.marker().prevHash().toByteArray(), slice(entry, parser.prevOff, 32));
        assertEquals(
                decoded.statement().map(Bytes::toByteArray).map(ByteBuffer::wrap),
                parser.statementLen < 0
                        ? Optional.empty()
                        : Optional.of(ByteBuffer.wrap(slice(entry, parser.statementOff, parser.statementLen))));
    }

    @Test
    void theStatementParserAcceptsOnlyWhatTheGenericChecksAcceptWithoutASignature() {
        EntryParser parser = new EntryParser();
        StatementParser statements = new StatementParser(ctx);
        qt().withExamples(3000)
                .forAll(
                        integers().between(0, 11),
                        integers().between(0, 400),
                        integers().between(1, 255))
                .checkAssert((which, at, delta) -> {
                    byte[] entry = entries.get(which).clone();
                    assertTrue(parser.parse(entry, 0, entry.length));
                    entry[parser.statementOff + at % parser.statementLen] += delta.byteValue();
                    if (statements.provenByCheckpoint(entry, parser, which)) {
                        byte[] statement = slice(entry, parser.statementOff, parser.statementLen);
                        String kind = new String(entry, parser.kindOff, parser.kindLen, StatementParser.ASCII);
                        assertFalse(StatementCheck.check(statement, which, kind, ctx));
                    }
                });
    }

    @Test
    void wellFormedUtf8IsExactlyWhatTheCborDecoderAcceptsInText() {
        Gen<byte[]> text = lists().of(integers().between(0, 255))
                .ofSizeBetween(0, 12)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        int v = list.get(i);
                        b[i] = (byte) (v < 64 ? 0x80 + v : v);
                    }
                    return b;
                });
        qt().withExamples(20000).forAll(text).checkAssert(bytes -> {
            byte[] item = new byte[bytes.length + 1];
            item[0] = (byte) (0x60 + bytes.length);
            System.arraycopy(bytes, 0, item, 1, bytes.length);
            boolean decodes;
            try {
                Cbor.decode(item);
                decodes = true;
            } catch (CairnException e) {
                decodes = false;
            }
            assertEquals(decodes, Utf8Check.wellFormed(bytes, 0, bytes.length));
        });
    }

    private static byte[] slice(byte[] b, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, from, out, 0, length);
        return out;
    }
}
