package dev.cairn.audit;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every decoder of the format, fed arbitrary and damaged bytes: a value or a coded input error, nothing else. */
class AuditBundleDecoderPropertyTest {
    private static void valueOrCodedError(byte[] input, Consumer<byte[]> decoder) {
        try {
            decoder.accept(input);
        } catch (CairnException e) {
            assertNotEquals(ErrorFamily.INTERNAL, e.code().family(), e.getMessage());
        } catch (RuntimeException e) {
            fail("escaped: " + e, e);
        }
    }

    private static void readAll(byte[] bundle) {
        try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(bundle))) {
            while (reader.next().isPresent()) {
                reader.position();
            }
        }
    }

    @Test
    void arbitraryBytes() {
        qt().withExamples(2000).forAll(bytes(200)).checkAssert(input -> {
            valueOrCodedError(input, AuditBundleHeader::decode);
            valueOrCodedError(input, AuditBundleItem::decode);
            valueOrCodedError(input, AuditBundleDecoderPropertyTest::readAll);
        });
    }

    @Test
    void everySingleByteChangeOfARealBundle(@TempDir Path dir) {
        byte[] bundle;
        try (AuditFixtures f = new AuditFixtures(dir).grow(9)) {
            bundle = AuditFixtures.export(f.exporter(f.checkpoint()).build(), 3, 4);
        }
        byte[] good = bundle;
        qt().withExamples(1500)
                .forAll(integers().between(0, good.length - 1), integers().between(1, 255))
                .checkAssert((at, delta) -> {
                    byte[] bad = good.clone();
                    bad[at] = (byte) (bad[at] + delta);
                    valueOrCodedError(bad, AuditBundleDecoderPropertyTest::readAll);
                });
    }

    @Test
    void anEmptyStreamIsIncompleteAndATruncatedFrameMalformed() {
        CairnException empty =
                assertThrows(CairnException.class, () -> AuditBundleReader.open(new ByteArrayInputStream(new byte[0])));
        assertEquals(ErrorCode.AUDIT_BUNDLE_INCOMPLETE, empty.code());
        for (byte[] bad : new byte[][] {{0x43, 1, 2}, {0x59, 1}, {0x5f}, {0x40}, {0x58, 3, 1, 2, 3}, {(byte) 0xa0}}) {
            CairnException e =
                    assertThrows(CairnException.class, () -> AuditBundleReader.open(new ByteArrayInputStream(bad)));
            assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, e.code());
        }
    }
}
