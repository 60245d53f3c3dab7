package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.CheckpointLink;
import dev.cairn.audit.RangeAnchor;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of damage, each with the code it must raise ({@code spec/audit-bundle.md},
 * "Verification"). The base bundle holds markers 5 to 9 of a 20-marker log, under a checkpoint of 20
 * with older checkpoints of 3 and 8, so it carries a start proof, an anchor, an end proof and a chain.
 */
class AuditBundleMutationTest {
    @TempDir
    static Path dir;

    private static TestLog t;
    private static byte[] good;
    private static byte[] atEnd;

    @BeforeAll
    static void export() {
        t = TestLog.open(dir).grow(3);
        SignedCheckpoint three = t.checkpoint();
        t.grow(8);
        SignedCheckpoint eight = t.checkpoint();
        t.grow(15);
        SignedCheckpoint fifteen = t.checkpoint();
        atEnd = t.export(5, 10, fifteen);
        t.grow(20);
        good = t.export(5, 5, t.checkpoint(), List.of(three, eight));
    }

    @AfterAll
    static void close() {
        t.close();
    }

    private static CairnException fails(byte[] bundle) {
        return fails(t.verifier().build(), bundle);
    }

    private static CairnException fails(AuditBundleVerifier verifier, byte[] bundle) {
        return assertThrows(CairnException.class, () -> verifier.verify(new ByteArrayInputStream(bundle)));
    }

    private static void assertFails(byte[] bundle, ErrorCode code) {
        CairnException e = fails(bundle);
        assertEquals(code, e.code(), e.getMessage());
    }

    private static void assertFails(byte[] bundle, ErrorCode code, long seq, String field) {
        CairnException e = fails(bundle);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(Long.toString(seq), e.details().get("seq"), e.getMessage());
        if (field != null) {
            assertEquals(field, e.details().get("field"), e.getMessage());
        }
    }

    private static byte[] items(UnaryOperator<List<byte[]>> edit) {
        return Frames.join(edit.apply(new ArrayList<>(Frames.split(good))));
    }

    /** The bundle with one field of entry {@code seq} replaced. */
    private static byte[] entry(long seq, int field, CborValue value) {
        return items(items -> {
            int at = (int) (seq - 5 + 1);
            List<CborValue> fields = new ArrayList<>(((CborArray) Cbor.decode(items.get(at))).items());
            fields.set(field, value);
            items.set(at, Cbor.encode(new CborArray(fields)));
            return items;
        });
    }

    @Test
    void theBaseBundleVerifies() {
        assertEquals(
                5, t.verifier().build().verify(new ByteArrayInputStream(good)).count());
        assertEquals(
                10, t.verifier().build().verify(new ByteArrayInputStream(atEnd)).count());
    }

    @Test
    void truncatedBundles() {
        assertFails(new byte[0], ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(items(i -> i.subList(0, i.size() - 1)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(items(i -> i.subList(0, 4)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE, 8, null);
        assertFails(items(i -> i.subList(0, 1)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE, 5, null);
        int cut = Frames.join(Frames.split(good).subList(0, 3)).length + 40;
        assertFails(Arrays.copyOf(good, cut), ErrorCode.AUDIT_BUNDLE_MALFORMED, 7, null);
        assertFails(Arrays.copyOf(good, good.length - 5), ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(Arrays.copyOf(good, 20), ErrorCode.AUDIT_BUNDLE_MALFORMED);
    }

    @Test
    void droppedItems() {
        assertFails(items(i -> drop(i, 3)), ErrorCode.MARKER_CHAIN_BROKEN, 7, "seq");
        assertFails(items(i -> drop(i, 5)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE, 9, null);
        assertFails(items(i -> drop(i, 0)), ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(items(i -> drop(i, 6)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
    }

    private static List<byte[]> drop(List<byte[]> items, int at) {
        items.remove(at);
        return items;
    }

    @Test
    void reorderedItems() {
        assertFails(items(i -> swap(i, 2, 3)), ErrorCode.MARKER_CHAIN_BROKEN, 6, "seq");
        assertFails(items(i -> swap(i, 1, 5)), ErrorCode.MARKER_CHAIN_BROKEN, 5, "seq");
        assertFails(items(i -> swap(i, 0, 1)), ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(items(i -> swap(i, 5, 6)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE, 9, null);
    }

    private static List<byte[]> swap(List<byte[]> items, int a, int b) {
        byte[] x = items.get(a);
        items.set(a, items.get(b));
        items.set(b, x);
        return items;
    }

    @Test
    void aChangedStatementByteBreaksTheLinkToTheNextMarkerOrTheProofAtTheEnd() {
        assertFails(statementByte(6, "n-6", "n-X"), ErrorCode.MARKER_CHAIN_BROKEN, 7, "prev_hash");
        assertFails(statementByte(9, "n-9", "n-X"), ErrorCode.MMR_PROOF_INVALID);
        byte[] signature = statementSignatureByte(6);
        assertFails(signature, ErrorCode.MARKER_CHAIN_BROKEN, 7, "prev_hash");
        CairnException all = fails(
                t.verifier()
                        .statementSignatures(StatementSignaturePolicy.VERIFY_ALL)
                        .build(),
                signature);
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, all.code());
        assertEquals("6", all.details().get("seq"));
        assertFails(statementByte(6, "\u0006\u0006", "\u0006\u0007"), ErrorCode.RECEIPT_NOT_INCLUDED, 6, null);
        assertFails(
                statementByte(6, "test.example/audit", "test.example/audiT"), ErrorCode.RECEIPT_LOG_MISMATCH, 6, null);
        assertFails(statementByte(6, "\u00d2\u0084", "\u00d3\u0084"), ErrorCode.COSE_STRUCTURE, 6, null);
    }

    /** Replaces, inside entry {@code seq}'s statement, the first occurrence of some bytes by others of the same length. */
    private static byte[] statementByte(long seq, String from, String to) {
        return items(items -> {
            int at = (int) (seq - 5 + 1);
            byte[] entry = items.get(at);
            byte[] needle = from.getBytes(StandardCharsets.ISO_8859_1);
            int found = indexOf(entry, needle);
            byte[] changed = entry.clone();
            System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, changed, found, needle.length);
            items.set(at, changed);
            return items;
        });
    }

    private static byte[] statementSignatureByte(long seq) {
        return items(items -> {
            int at = (int) (seq - 5 + 1);
            byte[] entry = items.get(at).clone();
            entry[indexOf(entry, new byte[] {0x58, 0x40}) + 10] ^= 1;
            items.set(at, entry);
            return items;
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aChangedMarkerFieldFailsWhereTheMarkerRulesSay() {
        Marker six = t.issued.get(6).marker();
        assertFails(entry(6, 1, CborInt.of(7)), ErrorCode.MARKER_CHAIN_BROKEN, 6, "seq");
        assertFails(entry(6, 2, CborInt.of(six.timeMillis() + 1)), ErrorCode.MARKER_CHAIN_BROKEN, 7, "prev_hash");
        assertFails(entry(6, 2, CborInt.of(0)), ErrorCode.MARKER_CHAIN_BROKEN, 6, "time");
        assertFails(entry(6, 3, CborText.of("node.other")), ErrorCode.RECEIPT_NOT_INCLUDED, 6, null);
        assertFails(entry(6, 3, CborText.of("")), ErrorCode.MARKER_KIND_INVALID, 6, null);
        assertFails(entry(6, 4, new CborBytes(six.hash().bytes())), ErrorCode.MARKER_CHAIN_BROKEN, 6, "prev_hash");
        assertFails(entry(6, 1, CborInt.of(-1)), ErrorCode.AUDIT_BUNDLE_MALFORMED, 6, null);
    }

    @Test
    void aWrongCheckpointSignatureOrSigner() {
        assertFails(
                Frames.withHeader(good, h -> {
                    byte[] c = h.checkpoint.toByteArray();
                    c[c.length - 1] ^= 1;
                    h.checkpoint = Bytes.copyOf(c);
                    return h;
                }),
                ErrorCode.COSE_BAD_SIGNATURE);
        AuditBundleVerifier stranger = AuditBundleVerifier.builder()
                .trustedLogKeys(KeySet.of(
                        SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey()))
                .expectLogId(TestLog.LOG)
                .clock(TestLog.NOW)
                .build();
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, fails(stranger, good).code());
        AuditBundleVerifier early = t.verifier()
                .clock(Clock.fixed(TestLog.T0.minusSeconds(3600), TestLog.NOW.getZone()))
                .build();
        assertEquals(ErrorCode.RECEIPT_TIME_INVALID, fails(early, good).code());
    }

    @Test
    void aWrongLogId() {
        AuditBundleVerifier other =
                t.verifier().expectLogId(new LogId("test.example/other")).build();
        assertEquals(ErrorCode.RECEIPT_LOG_MISMATCH, fails(other, good).code());
        assertFails(
                Frames.withHeader(good, h -> {
                    h.logId = new LogId("test.example/other");
                    return h;
                }),
                ErrorCode.RECEIPT_LOG_MISMATCH);
    }

    @Test
    void wrongOrMissingProofs() {
        assertFails(
                Frames.withHeader(good, h -> h.startProof(flip(h.startProof.orElseThrow()))),
                ErrorCode.MMR_PROOF_INVALID);
        assertFails(
                Frames.withHeader(good, h -> h.endProof(flip(h.endProof.orElseThrow()))), ErrorCode.MMR_PROOF_INVALID);
        assertFails(
                Frames.withHeader(good, h -> {
                    CheckpointLink link = h.older.get(1);
                    List<CheckpointLink> older = new ArrayList<>(h.older);
                    older.set(
                            1,
                            new CheckpointLink(
                                    link.checkpoint(),
                                    Optional.of(flip(link.toNext().orElseThrow()))));
                    h.older = older;
                    return h;
                }),
                ErrorCode.MMR_PROOF_INVALID);
        assertFails(
                Frames.withHeader(good, h -> {
                    Marker m = h.anchor.orElseThrow().marker();
                    Marker later = Marker.of(m.seq(), m.timeMillis() + 1, m.kind(), m.payloadDigest(), m.prevHash());
                    h.anchor = Optional.of(new RangeAnchor(later, h.anchor.get().path()));
                    return h;
                }),
                ErrorCode.MMR_PROOF_INVALID);
        assertFails(Frames.withHeader(good, h -> h.startProof(null)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(
                Frames.withHeader(good, h -> {
                    h.anchor = Optional.empty();
                    return h;
                }),
                ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(Frames.withHeader(good, h -> h.endProof(null)), ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(
                Frames.withHeader(good, h -> {
                    h.older = List.of(h.older.get(1), h.older.get(0));
                    return h;
                }),
                ErrorCode.RECEIPT_TIME_INVALID);
        assertFails(
                Frames.withHeader(good, h -> {
                    h.older =
                            List.of(new CheckpointLink(h.older.get(0).checkpoint(), Optional.empty()), h.older.get(1));
                    return h;
                }),
                ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
    }

    private static ConsistencyProof flip(ConsistencyProof proof) {
        List<List<Digest>> paths = new ArrayList<>(proof.paths());
        List<Digest> right = new ArrayList<>(proof.rightPeaks());
        if (!right.isEmpty()) {
            right.set(0, flip(right.get(0)));
        } else {
            int k = 0;
            while (paths.get(k).isEmpty()) {
                k++;
            }
            List<Digest> path = new ArrayList<>(paths.get(k));
            path.set(0, flip(path.get(0)));
            paths.set(k, path);
        }
        return new ConsistencyProof(proof.size1(), proof.size2(), paths, right);
    }

    private static Digest flip(Digest d) {
        byte[] b = d.toByteArray();
        b[0] ^= 1;
        return Digest.of(b);
    }

    @Test
    void extraItemsAndBytes() {
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertFails(trailing, ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(
                items(i -> {
                    i.add(i.size() - 1, i.get(i.size() - 2));
                    return i;
                }),
                ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(
                items(i -> {
                    i.add(i.get(i.size() - 1));
                    return i;
                }),
                ErrorCode.AUDIT_BUNDLE_MALFORMED);
    }

    @Test
    void aDamagedTrailer() {
        assertFails(
                items(i -> {
                    byte[] trailer = i.get(i.size() - 1).clone();
                    trailer[trailer.length - 1] ^= 1;
                    i.set(i.size() - 1, trailer);
                    return i;
                }),
                ErrorCode.AUDIT_BUNDLE_MALFORMED);
        assertFails(
                items(i -> {
                    byte[] trailer = i.get(i.size() - 1).clone();
                    trailer[1] = 6;
                    i.set(i.size() - 1, trailer);
                    return i;
                }),
                ErrorCode.AUDIT_BUNDLE_MALFORMED);
        byte[] ignoredMaterialChanged = items(i -> {
            HeaderEdit h = new HeaderEdit(AuditBundleHeader.decode(i.get(0)));
            h.trustMaterial = List.of(new TrustMaterial("x-note", Bytes.copyOf(new byte[] {1})));
            i.set(0, h.build().encode());
            return i;
        });
        assertFails(ignoredMaterialChanged, ErrorCode.AUDIT_BUNDLE_MALFORMED);
    }

    @Test
    void aCountThatDisagreesWithTheCheckpointOrTheEntries() {
        assertFails(
                Frames.withHeader(atEnd, h -> {
                    h.count = 11;
                    return h;
                }),
                ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        assertFails(
                Frames.withHeader(atEnd, h -> {
                    h.count = 9;
                    return h;
                }),
                ErrorCode.AUDIT_BUNDLE_INCOMPLETE);
        byte[] header = Frames.split(good).get(0);
        int count = indexOf(header, new byte[] {0x04, 0x05});
        byte[] bigger = header.clone();
        bigger[count + 1] = 6;
        assertFails(
                items(i -> {
                    i.set(0, bigger);
                    return i;
                }),
                ErrorCode.AUDIT_BUNDLE_MALFORMED);
    }

    @Test
    void limitsAreEnforcedBeforeAllocating() {
        byte[] huge = new byte[] {0x5a, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertFails(huge, ErrorCode.AUDIT_BUNDLE_MALFORMED);
        byte[] bigEntry = items(i -> {
            i.set(2, new byte[AuditBundleFormat.MAX_ENTRY_BYTES + 1]);
            return i;
        });
        assertFails(bigEntry, ErrorCode.AUDIT_BUNDLE_MALFORMED, 6, null);
    }
}
