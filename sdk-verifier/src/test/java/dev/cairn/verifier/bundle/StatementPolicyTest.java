package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which statements need their own signature checked: those of another signer always, the
 * checkpoint signer's only in another form than its own or under {@link
 * StatementSignaturePolicy#VERIFY_ALL}; and the statement checks that hold either way.
 */
class StatementPolicyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey logKey = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final SigningKey otherKey = SigningKey.generate(KeyType.P256, RANDOM);
    private final SigningKey strangerKey = SigningKey.generate(KeyType.ED25519, RANDOM);

    @TempDir
    Path dir;

    /** A log of five markers whose statement at sequence 2 comes from {@code odd}; the others the log key signs. */
    private byte[] bundle(Function<Long, byte[]> odd) {
        Map<Long, Bytes> statements = new HashMap<>();
        try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir.resolve("m" + RANDOM.nextInt()), TestLog.NOW)) {
            Mmr mmr = Mmr.open(new MemoryNodeStore());
            for (long seq = 0; seq < 5; seq++) {
                byte[] signed =
                        seq == 2 ? odd.apply(seq) : sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), true);
                Marker marker = stream.append("node.enroll", DomainHash.of(HashDomain.STATEMENT, signed));
                mmr.append(marker.hash());
                statements.put(seq, Bytes.copyOf(signed));
            }
            Checkpoint c = new Checkpoint(TestLog.LOG, mmr.accumulator(), 7, TestLog.T0.plusSeconds(10));
            SignedCheckpoint covering = new SignedCheckpoint(c, Bytes.copyOf(new CheckpointSigner(logKey).sign(c)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AuditBundleExporter.builder(TestLog.LOG, stream, mmr)
                    .checkpoint(covering)
                    .logKeys(List.of(logKey.verificationKey(), otherKey.verificationKey()))
                    .statements(seq -> Optional.of(statements.get(seq)))
                    .build()
                    .export(out, 0, 5);
            return out.toByteArray();
        }
    }

    private static Statement statement(LogId log, long seq, String kind, long secondsAfterT0) {
        return new Statement(
                log,
                kind,
                "cairn://test.example/operator/alice",
                "cairn://test.example/node/n-" + seq,
                7,
                seq,
                TestLog.T0.plusSeconds(secondsAfterT0),
                TestLog.digest("policy"),
                TestLog.digest("request " + seq),
                Statement.OK);
    }

    private static byte[] sign(SigningKey key, Statement s, boolean contentType) {
        CoseSigner.Builder signer = CoseSigner.builder(key);
        if (contentType) {
            signer.contentType(Statement.CONTENT_TYPE);
        }
        return signer.build().sign(Cbor.encode(s.toCbor())).encode();
    }

    private static byte[] badSignature(byte[] signed) {
        CoseSign1 m = CoseSign1.decode(signed, CborLimits.DEFAULT);
        byte[] sig = m.signature().toByteArray();
        sig[5] ^= 1;
        return new CoseSign1(m.protectedHeader(), m.unprotectedHeader(), m.payload(), Bytes.copyOf(sig)).encode();
    }

    private static byte[] withUnprotected(byte[] signed) {
        CoseSign1 m = CoseSign1.decode(signed, CborLimits.DEFAULT);
        CborMap unprotected = CborMap.builder().put(99, CborText.of("hint")).build();
        return new CoseSign1(m.protectedHeader(), unprotected, m.payload(), m.signature()).encode();
    }

    private AuditBundleVerifier.Builder verifier() {
        return AuditBundleVerifier.builder()
                .trustedLogKeys(KeySet.of(logKey.verificationKey(), otherKey.verificationKey()))
                .expectLogId(TestLog.LOG)
                .clock(TestLog.NOW);
    }

    private VerifiedAuditBundle verify(byte[] bundle, StatementSignaturePolicy policy) {
        return verifier().statementSignatures(policy).build().verify(new ByteArrayInputStream(bundle));
    }

    private ErrorCode code(byte[] bundle, StatementSignaturePolicy policy) {
        CairnException e = assertThrows(CairnException.class, () -> verify(bundle, policy));
        assertEquals("2", e.details().get("seq"), e.getMessage());
        return e.code();
    }

    private static final StatementSignaturePolicy DEFAULT = StatementSignaturePolicy.VERIFY_OTHER_SIGNERS;
    private static final StatementSignaturePolicy ALL = StatementSignaturePolicy.VERIFY_ALL;

    @Test
    void theCheckpointProvesItsSignersStatementsAndVerifyAllChecksThemAnyway() {
        byte[] bundle = bundle(seq -> sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), true));
        assertEquals(1, verify(bundle, DEFAULT).signaturesVerified());
        assertEquals(6, verify(bundle, ALL).signaturesVerified());
    }

    @Test
    void anotherSignersStatementIsAlwaysVerified() {
        byte[] trusted = bundle(seq -> sign(otherKey, statement(TestLog.LOG, seq, "node.enroll", 0), true));
        assertEquals(2, verify(trusted, DEFAULT).signaturesVerified());
        byte[] forged =
                bundle(seq -> badSignature(sign(otherKey, statement(TestLog.LOG, seq, "node.enroll", 0), true)));
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, code(forged, DEFAULT));
        byte[] stranger = bundle(seq -> sign(strangerKey, statement(TestLog.LOG, seq, "node.enroll", 0), true));
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(stranger, DEFAULT));
    }

    @Test
    void theCheckpointSignersStatementWithABadSignatureIsProvenByTheCheckpointUnlessEveryOneIsChecked() {
        byte[] bundle = bundle(seq -> badSignature(sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), true)));
        assertEquals(1, verify(bundle, DEFAULT).signaturesVerified());
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, code(bundle, ALL));
    }

    @Test
    void theCheckpointSignersStatementInAnotherFormIsVerified() {
        byte[] hinted =
                bundle(seq -> withUnprotected(sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), true)));
        assertEquals(2, verify(hinted, DEFAULT).signaturesVerified());
        byte[] forged = bundle(seq ->
                withUnprotected(badSignature(sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), true))));
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, code(forged, DEFAULT));
        byte[] untyped = bundle(seq -> sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 0), false));
        assertEquals(ErrorCode.COSE_CONTENT_TYPE_MISMATCH, code(untyped, DEFAULT));
    }

    @Test
    void aStatementMustSayWhatItsMarkerSays() {
        for (StatementSignaturePolicy policy : StatementSignaturePolicy.values()) {
            assertEquals(
                    ErrorCode.RECEIPT_LOG_MISMATCH,
                    code(
                            bundle(seq -> sign(
                                    logKey, statement(new LogId("test.example/other"), seq, "node.enroll", 0), true)),
                            policy));
            assertEquals(
                    ErrorCode.RECEIPT_NOT_INCLUDED,
                    code(bundle(seq -> sign(logKey, statement(TestLog.LOG, seq + 1, "node.enroll", 0), true)), policy));
            assertEquals(
                    ErrorCode.RECEIPT_NOT_INCLUDED,
                    code(bundle(seq -> sign(logKey, statement(TestLog.LOG, seq, "node.revoke", 0), true)), policy));
            assertEquals(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    code(bundle(seq -> sign(logKey, statement(TestLog.LOG, seq, "node.enroll", 11), true)), policy));
        }
    }
}
