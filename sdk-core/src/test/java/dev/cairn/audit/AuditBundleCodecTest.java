package dev.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.SignedCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBundleCodecTest {
    private static AuditBundleHeader fullHeader(AuditFixtures f) {
        f.grow(4);
        SignedCheckpoint older = f.checkpoint();
        f.grow(11);
        return f.exporter(f.checkpoint())
                .olderCheckpoints(List.of(older))
                .trustMaterial(List.of(new TrustMaterial("x-auditor-note", Bytes.copyOf(new byte[] {7}))))
                .build()
                .header(5, 3);
    }

    @Test
    void aHeaderWithEveryFieldDecodesToItselfAndReencodesByteForByte(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir)) {
            AuditBundleHeader header = fullHeader(f);
            byte[] encoded = header.encode();
            AuditBundleHeader decoded = AuditBundleHeader.decode(encoded);
            assertEquals(header, decoded);
            assertArrayEquals(encoded, decoded.encode());
        }
    }

    @Test
    void entriesAndTrailersRoundTripAndAreToldApartByShape(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(2)) {
            IssuedStatement s = f.issued.get(1);
            AuditBundleEntry receipt = AuditBundleEntry.receipt(s.marker(), s.signed());
            AuditBundleEntry marker = AuditBundleEntry.marker(s.marker());
            AuditBundleTrailer trailer = new AuditBundleTrailer(9, s.marker().hash());
            assertEquals(receipt, AuditBundleItem.decode(receipt.encode()));
            assertEquals(marker, AuditBundleItem.decode(marker.encode()));
            assertEquals(trailer, AuditBundleItem.decode(trailer.encode()));
            assertArrayEquals(s.marker().content().toByteArray(), marker.encode());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> AuditBundleEntry.receipt(f.issued.get(0).marker(), s.signed()));
        }
    }

    @Test
    void headerFieldsOutsideTheCddlAreMalformed(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir)) {
            byte[] good = fullHeader(f).encode();
            List<UnaryOperator<CborMap>> mutations = List.of(
                    m -> with(m, 13, CborInt.of(1)),
                    m -> with(m, 1, CborInt.of(2)),
                    m -> with(m, 2, CborText.of("has space")),
                    m -> with(m, 4, CborInt.of(0)),
                    m -> with(m, 3, CborInt.of(-1)),
                    m -> with(m, 6, CborArray.of()),
                    m -> with(m, 12, CborArray.of()),
                    m -> with(m, 5, CborArray.of()),
                    m -> with(m, 7, CborText.of("not bytes")),
                    m -> with(m, 10, CborArray.of(CborInt.of(1))),
                    m -> without(m, 7),
                    m -> without(m, 8));
            for (UnaryOperator<CborMap> mutation : mutations) {
                byte[] bad = Cbor.encode(mutation.apply((CborMap) Cbor.decode(good, AuditBundleFormat.HEADER_LIMITS)));
                CairnException e = assertThrows(CairnException.class, () -> AuditBundleHeader.decode(bad));
                assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, e.code(), e.getMessage());
            }
        }
    }

    @Test
    void embeddedObjectsKeepTheirOwnCodes(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir)) {
            CborMap good = (CborMap) Cbor.decode(fullHeader(f).encode(), AuditBundleFormat.HEADER_LIMITS);
            assertCode(ErrorCode.MMR_SIZE_INVALID, with(good, 8, CborArray.of()));
            assertCode(ErrorCode.MMR_PROOF_MALFORMED, with(good, 9, CborArray.of(CborInt.of(1))));
            assertCode(ErrorCode.MARKER_KIND_INVALID, with(good, 10, anchorWithKind(good, "")));
            assertCode(
                    ErrorCode.KEY_UNSUPPORTED,
                    with(
                            good,
                            5,
                            CborArray.of(CborMap.builder().put(1, CborInt.of(3)).build())));
        }
    }

    @Test
    void theFirstRangeHasNoStartEvidence(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(3)) {
            AuditBundleHeader zero = f.exporter(f.checkpoint()).build().header(0, 2);
            AuditBundleHeader five = fullHeader(f);
            CborMap map = (CborMap) Cbor.decode(zero.encode(), AuditBundleFormat.HEADER_LIMITS);
            CborMap fiveMap = (CborMap) Cbor.decode(five.encode(), AuditBundleFormat.HEADER_LIMITS);
            assertCode(
                    ErrorCode.AUDIT_BUNDLE_MALFORMED,
                    with(map, 10, fiveMap.get(10).orElseThrow()));
        }
    }

    private static CborValue anchorWithKind(CborMap header, String kind) {
        CborArray anchor = (CborArray) header.get(10).orElseThrow();
        List<CborValue> items = new ArrayList<>(anchor.items());
        items.set(1, CborText.of(kind));
        return new CborArray(items);
    }

    private static void assertCode(ErrorCode code, CborMap header) {
        byte[] bad = Cbor.encode(header);
        CairnException e = assertThrows(CairnException.class, () -> AuditBundleHeader.decode(bad));
        assertEquals(code, e.code(), e.getMessage());
    }

    static CborMap with(CborMap map, long key, CborValue value) {
        CborMap.Builder b = CborMap.builder();
        map.entries().stream().filter(e -> !e.key().equals(CborInt.of(key))).forEach(e -> b.put(e.key(), e.value()));
        return b.put(key, value).build();
    }

    static CborMap without(CborMap map, long key) {
        CborMap.Builder b = CborMap.builder();
        map.entries().stream().filter(e -> !e.key().equals(CborInt.of(key))).forEach(e -> b.put(e.key(), e.value()));
        return b.build();
    }

    @Test
    void itemsOfAnotherShapeAreMalformed() {
        List<CborValue> bad = List.of(
                CborInt.of(1),
                CborArray.of(CborInt.of(1), CborInt.of(2), CborInt.of(3)),
                CborArray.of(CborInt.of(0), new CborBytes(Bytes.copyOf(new byte[32]))),
                CborArray.of(CborInt.of(1), CborBytes.of(new byte[31])),
                CborArray.of(
                        CborBytes.of(new byte[0]),
                        CborInt.of(0),
                        CborInt.of(0),
                        CborText.of("k"),
                        CborBytes.of(new byte[32])));
        for (CborValue value : bad) {
            CairnException e = assertThrows(CairnException.class, () -> AuditBundleItem.decode(Cbor.encode(value)));
            assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, e.code(), value.toDiagnostic());
        }
        CairnException kind = assertThrows(
                CairnException.class,
                () -> AuditBundleItem.decode(Cbor.encode(CborArray.of(
                        CborInt.of(0),
                        CborInt.of(0),
                        CborText.of("tab\there"),
                        CborBytes.of(new byte[32]),
                        CborBytes.of(new byte[32])))));
        assertEquals(ErrorCode.MARKER_KIND_INVALID, kind.code());
        assertInstanceOf(
                AuditBundleEntry.class,
                AuditBundleItem.decode(Cbor.encode(CborArray.of(
                        CborInt.of(0),
                        CborInt.of(0),
                        CborText.of("k"),
                        CborBytes.of(new byte[32]),
                        CborBytes.of(new byte[32])))));
    }
}
