package dev.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust material types sdk-core writes for a verifier: a log key's certificate chain and revocation data. */
class TrustMaterialTest {
    private static final Bytes LEAF = Bytes.copyOf(new byte[] {0x30, 1, 2});
    private static final Bytes CA = Bytes.copyOf(new byte[] {0x30, 3, 4, 5});

    @Test
    void aChainIsAnArrayOfByteStringsLeafFirst() {
        TrustMaterial chain = TrustMaterial.logKeyCertificateChain(List.of(LEAF, CA));
        assertEquals(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN, chain.type());
        assertEquals(Bytes.copyOf(Cbor.encode(CborArray.of(new CborBytes(LEAF), new CborBytes(CA)))), chain.data());
        assertEquals(List.of(LEAF, CA), chain.certificateChain());
        assertThrows(IllegalArgumentException.class, () -> TrustMaterial.logKeyCertificateChain(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrustMaterial.logKeyCertificateChain(Collections.nCopies(9, LEAF)));
        assertThrows(
                IllegalArgumentException.class, () -> TrustMaterial.logKeyCertificateChain(List.of(Bytes.empty())));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrustMaterial.logKeyCertificateChain(List.of(Bytes.copyOf(new byte[16 * 1024 + 1]))));
        assertThrows(
                IllegalStateException.class,
                () -> TrustMaterial.revocationHead(LEAF).certificateChain());
    }

    @Test
    void aChainOfAnotherShapeIsMalformed() {
        assertEquals(ErrorCode.CERT_MALFORMED, chainCode(Cbor.encode(new CborBytes(LEAF))));
        assertEquals(ErrorCode.CERT_MALFORMED, chainCode(Cbor.encode(CborArray.of())));
        assertEquals(ErrorCode.CERT_MALFORMED, chainCode(Cbor.encode(CborArray.of(CborInt.of(1)))));
        assertEquals(ErrorCode.CERT_MALFORMED, chainCode(Cbor.encode(CborArray.of(new CborBytes(Bytes.empty())))));
        List<dev.cairn.cbor.CborValue> nine = new ArrayList<>(Collections.nCopies(9, new CborBytes(LEAF)));
        assertEquals(
                ErrorFamily.MALFORMED_INPUT,
                chainFailure(Cbor.encode(new CborArray(nine))).code().family());
        assertEquals(
                ErrorFamily.MALFORMED_INPUT,
                chainFailure(new byte[] {(byte) 0x9f, 0x41, 0, (byte) 0xff})
                        .code()
                        .family());
    }

    @Test
    void arbitraryBytesReadAsAChainOrFailWithACodedInputError() {
        qt().withExamples(2000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 40))
                .checkAssert(values -> {
                    byte[] data = new byte[values.size()];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (byte) (int) values.get(i);
                    }
                    TrustMaterial m =
                            new TrustMaterial(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN, Bytes.copyOf(data));
                    try {
                        assertEquals(m, TrustMaterial.logKeyCertificateChain(m.certificateChain()));
                    } catch (CairnException e) {
                        assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family(), e.toString());
                    }
                });
    }

    @Test
    void theExporterCarriesChainsAndRevocationAfterTheOtherMaterial(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(3)) {
            TrustMaterial other = new TrustMaterial("x-note", LEAF);
            Bytes head = Bytes.copyOf(new byte[] {(byte) 0xd2, 1});
            Bytes entries = Bytes.copyOf(new byte[] {(byte) 0x80});
            AuditBundleHeader h = f.exporter(f.checkpoint())
                    .revocation(Bytes.copyOf(new byte[] {9}), List.of())
                    .logKeyCertificateChain(List.of(LEAF, CA))
                    .trustMaterial(List.of(other))
                    .logKeyCertificateChain(List.of(CA))
                    .revocation(head, List.of(entries, entries))
                    .build()
                    .header(0, 3);
            assertEquals(
                    List.of(
                            other,
                            TrustMaterial.logKeyCertificateChain(List.of(LEAF, CA)),
                            TrustMaterial.logKeyCertificateChain(List.of(CA)),
                            TrustMaterial.revocationHead(head),
                            TrustMaterial.revocationEntries(entries),
                            TrustMaterial.revocationEntries(entries)),
                    h.trustMaterial());
            AuditBundleHeader back = AuditBundleHeader.decode(h.encode());
            assertEquals(h.trustMaterial(), back.trustMaterial());
        }
    }

    private static ErrorCode chainCode(byte[] data) {
        return chainFailure(data).code();
    }

    private static CairnException chainFailure(byte[] data) {
        TrustMaterial m = new TrustMaterial(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN, Bytes.copyOf(data));
        return assertThrows(CairnException.class, m::certificateChain);
    }
}
