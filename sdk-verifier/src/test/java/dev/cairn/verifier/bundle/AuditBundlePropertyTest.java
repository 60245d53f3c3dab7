package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.CheckpointLink;
import dev.cairn.audit.RangeAnchor;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two properties the verifier stands on: a bundle verifies if and only if every part of it does,
 * and no single-byte change to a bundle passes or escapes as anything but a coded input error or
 * rejection.
 */
class AuditBundlePropertyTest {
    /** Parts a bundle can have wrong, each independently: bit {@code k} of a mask damages part {@code k}. */
    private static final int CHECKPOINT = 0;

    private static final int OLDER_CHECKPOINT = 1;
    private static final int OLDER_LINK = 2;
    private static final int START_PROOF = 3;
    private static final int ANCHOR = 4;
    private static final int END_PROOF = 5;
    private static final int FIRST_ENTRY = 6;
    private static final int ENTRIES = 5;
    private static final int TRAILER = FIRST_ENTRY + ENTRIES;
    private static final int PARTS = TRAILER + 1;

    @TempDir
    static Path dir;

    private static TestLog t;
    private static AuditBundleVerifier verifier;
    private static byte[] good;

    @BeforeAll
    static void export() {
        t = TestLog.open(dir).grow(3);
        SignedCheckpoint three = t.checkpoint();
        t.grow(8);
        SignedCheckpoint eight = t.checkpoint();
        t.grow(20);
        TrustMaterial note =
                new TrustMaterial("x-auditor-note", Bytes.copyOf("ignored".getBytes(StandardCharsets.US_ASCII)));
        good = TestLog.export(
                t.exporter(t.checkpoint())
                        .olderCheckpoints(List.of(three, eight))
                        .trustMaterial(List.of(note))
                        .build(),
                5,
                ENTRIES);
        verifier = t.verifier().build();
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @Test
    void aBundleVerifiesIfAndOnlyIfEveryPartDoes() {
        verifier.verify(new ByteArrayInputStream(damage(0)));
        qt().withExamples(300).forAll(integers().between(0, (1 << PARTS) - 1)).checkAssert(mask -> {
            byte[] bundle = damage(mask);
            if (mask == 0) {
                assertEquals(
                        ENTRIES,
                        verifier.verify(new ByteArrayInputStream(bundle)).count());
            } else {
                CairnException e =
                        assertThrows(CairnException.class, () -> verifier.verify(new ByteArrayInputStream(bundle)));
                assertNotEquals(ErrorFamily.INTERNAL, e.code().family(), e.getMessage());
            }
        });
        for (int part = 0; part < PARTS; part++) {
            byte[] bundle = damage(1 << part);
            assertThrows(CairnException.class, () -> verifier.verify(new ByteArrayInputStream(bundle)), "part " + part);
        }
    }

    @Test
    void anySingleByteChangeFailsWithACodedError() {
        qt().withExamples(1000)
                .forAll(integers().between(0, good.length - 1), integers().between(1, 255))
                .checkAssert((at, delta) -> {
                    byte[] bad = good.clone();
                    bad[at] = (byte) (bad[at] + delta);
                    try {
                        verifier.verify(new ByteArrayInputStream(bad));
                        fail("a bundle with byte " + at + " changed verified");
                    } catch (CairnException e) {
                        assertNotEquals(ErrorFamily.INTERNAL, e.code().family(), e.getMessage());
                    }
                });
    }

    /** The good bundle with the parts of {@code mask} damaged and, unless the trailer is one, a matching trailer. */
    private static byte[] damage(int mask) {
        List<byte[]> items = new ArrayList<>(Frames.split(good));
        HeaderEdit h = new HeaderEdit(AuditBundleHeader.decode(items.get(0)));
        if (has(mask, CHECKPOINT)) {
            h.checkpoint = flipLast(h.checkpoint);
        }
        List<CheckpointLink> older = new ArrayList<>(h.older);
        if (has(mask, OLDER_CHECKPOINT)) {
            older.set(
                    0,
                    new CheckpointLink(
                            flipLast(older.get(0).checkpoint()), older.get(0).toNext()));
        }
        if (has(mask, OLDER_LINK)) {
            older.set(
                    1,
                    new CheckpointLink(
                            older.get(1).checkpoint(), older.get(1).toNext().map(AuditBundlePropertyTest::flip)));
        }
        h.older = older;
        if (has(mask, START_PROOF)) {
            h.startProof = h.startProof.map(AuditBundlePropertyTest::flip);
        }
        if (has(mask, ANCHOR)) {
            Marker m = h.anchor.orElseThrow().marker();
            Marker later = Marker.of(m.seq(), m.timeMillis() + 1, m.kind(), m.payloadDigest(), m.prevHash());
            h.anchor = Optional.of(new RangeAnchor(later, h.anchor.get().path()));
        }
        if (has(mask, END_PROOF)) {
            h.endProof = h.endProof.map(AuditBundlePropertyTest::flip);
        }
        items.set(0, h.build().encode());
        for (int i = 0; i < ENTRIES; i++) {
            if (has(mask, FIRST_ENTRY + i)) {
                items.set(1 + i, renamed(items.get(1 + i)));
            }
        }
        Frames.retrailer(items, ENTRIES);
        if (has(mask, TRAILER)) {
            items.set(
                    items.size() - 1,
                    flipLast(Bytes.copyOf(items.get(items.size() - 1))).toByteArray());
        }
        return Frames.join(items);
    }

    private static boolean has(int mask, int part) {
        return (mask >>> part & 1) != 0;
    }

    /** The entry with its statement's subject changed, still a well-formed statement. */
    private static byte[] renamed(byte[] entry) {
        byte[] needle = "/node/n-".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length < entry.length; i++) {
            if (Arrays.equals(entry, i, i + needle.length, needle, 0, needle.length)) {
                byte[] changed = entry.clone();
                changed[i + needle.length] = (byte) (changed[i + needle.length] == 'x' ? 'y' : 'x');
                return changed;
            }
        }
        throw new AssertionError("no subject");
    }

    private static Bytes flipLast(Bytes bytes) {
        byte[] b = bytes.toByteArray();
        b[b.length - 1] ^= 1;
        return Bytes.copyOf(b);
    }

    private static ConsistencyProof flip(ConsistencyProof proof) {
        List<Digest> right = new ArrayList<>(proof.rightPeaks());
        List<List<Digest>> paths = new ArrayList<>(proof.paths());
        if (!right.isEmpty()) {
            right.set(right.size() - 1, flip(right.get(right.size() - 1)));
        } else {
            for (int k = 0; k < paths.size(); k++) {
                if (!paths.get(k).isEmpty()) {
                    List<Digest> path = new ArrayList<>(paths.get(k));
                    path.set(0, flip(path.get(0)));
                    paths.set(k, path);
                    break;
                }
            }
        }
        return new ConsistencyProof(proof.size1(), proof.size2(), paths, right);
    }

    private static Digest flip(Digest d) {
        byte[] b = d.toByteArray();
        b[31] ^= 0x80;
        return Digest.of(b);
    }
}
