package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.file.FileNodeStore;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoint and full-receipt vectors ({@code spec/receipts.md}): a log of six statements issued by
 * a real {@link ReceiptLog} with a fixed clock and the vector key, its checkpoints and receipts, and
 * one negative per verification step, each re-signed where the step needs a valid signature.
 */
final class ReceiptVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final LogId LOG = new LogId("vectors.example/audit");
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofMinutes(1));
    private static final long SKEW_MS = 300_000;
    private static final long EPOCH = 1;

    private ReceiptVectors() {}

    static void generate(VectorSet set) {
        SigningKey key = VectorKeys.key(KeyType.ED25519, 1);
        SigningKey stranger = VectorKeys.key(KeyType.ED25519, 2);
        Path dir = tempDir();
        try (ReceiptLog log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.open(dir.resolve("markers"), Clock.fixed(T0, ZoneOffset.UTC)),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                Clock.fixed(T0, ZoneOffset.UTC))) {
            List<IssuedStatement> issued = new ArrayList<>();
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                issued.add(log.issue(action(i)));
                if (i == 0 || i == 2 || i == 5) {
                    checkpoints.add(log.checkpoint(EPOCH));
                }
            }
            SignedCheckpoint last = checkpoints.get(checkpoints.size() - 1);
            for (SignedCheckpoint cp : checkpoints) {
                checkpointAccept(set, "size-" + cp.checkpoint().size(), cp, key);
            }
            checkpointRejects(set, key, stranger, last, issued.get(0));
            for (IssuedStatement s : issued) {
                receiptAccept(set, "statement-" + s.marker().seq(), s, log.receipt(s, last), key, EPOCH);
            }
            receiptAccept(
                    set,
                    "under-earlier-checkpoint",
                    issued.get(1),
                    log.receipt(issued.get(1), checkpoints.get(1)),
                    key,
                    EPOCH);
            receiptRejects(set, key, stranger, log, issued, last);
        } finally {
            delete(dir);
        }
    }

    static Action action(int i) {
        return new Action(
                "node.enroll",
                "cairn://vectors.example/operator/alice",
                "cairn://vectors.example/cluster/c1/node/n-" + i,
                EPOCH,
                digest("policy v1"),
                digest("request " + i),
                Statement.OK);
    }

    private static void checkpointRejects(
            VectorSet set, SigningKey key, SigningKey stranger, SignedCheckpoint good, IssuedStatement statement) {
        Checkpoint state = good.checkpoint();
        checkpointReject(
                set,
                "untrusted-signer",
                "signed by a key outside the trust anchors",
                new CheckpointSigner(stranger).sign(state),
                key,
                ErrorCode.SIGNATURE_KEY_UNTRUSTED);
        checkpointReject(
                set,
                "other-log",
                "a checkpoint of another log",
                new CheckpointSigner(key)
                        .sign(new Checkpoint(new LogId("other.example/audit"), state.accumulator(), EPOCH, T0)),
                key,
                ErrorCode.RECEIPT_LOG_MISMATCH);
        checkpointReject(
                set,
                "future-time",
                "time beyond now plus the allowed skew",
                new CheckpointSigner(key)
                        .sign(new Checkpoint(LOG, state.accumulator(), EPOCH, NOW.plusMillis(SKEW_MS + 1))),
                key,
                ErrorCode.RECEIPT_TIME_INVALID);
        checkpointReject(
                set,
                "statement-as-checkpoint",
                "a signed statement presented as a checkpoint",
                statement.signed().toByteArray(),
                key,
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH);
        checkpointReject(
                set,
                "flipped-signature-bit",
                "last bit of the signature flipped",
                flipLast(good.signed().toByteArray()),
                key,
                ErrorCode.COSE_BAD_SIGNATURE);
        CborMap extra = withEntry(state.toCbor(), 6, CborInt.of(0));
        checkpointReject(
                set,
                "unknown-field",
                "payload with an extra field 6",
                signAsCheckpoint(key, extra),
                key,
                ErrorCode.CBOR_UNKNOWN_FIELD);
        CborMap badSize = withEntry(state.toCbor(), 2, CborInt.of(state.size() + 1));
        checkpointReject(
                set,
                "peaks-do-not-fit-size",
                "size one more than the peaks describe",
                signAsCheckpoint(key, badSize),
                key,
                ErrorCode.MMR_SIZE_INVALID);
    }

    private static void receiptRejects(
            VectorSet set,
            SigningKey key,
            SigningKey stranger,
            ReceiptLog log,
            List<IssuedStatement> issued,
            SignedCheckpoint cp) {
        IssuedStatement target = issued.get(2);
        FullReceipt good = log.receipt(target, cp);
        byte[] encoded = good.encode();
        receiptReject(
                set,
                "truncated",
                "last byte removed",
                java.util.Arrays.copyOf(encoded, encoded.length - 1),
                key,
                EPOCH,
                ErrorCode.CBOR_TRUNCATED);
        receiptReject(
                set, "epoch-mismatch", "verifier expects epoch 2", encoded, key, 2L, ErrorCode.RECEIPT_EPOCH_MISMATCH);
        receiptReject(
                set,
                "untrusted-checkpoint",
                "checkpoint signed by a key outside the trust anchors",
                with(good, null, new CheckpointSigner(stranger).sign(cp.checkpoint()))
                        .encode(),
                key,
                EPOCH,
                ErrorCode.SIGNATURE_KEY_UNTRUSTED);
        receiptReject(
                set,
                "checkpoint-of-other-log",
                "checkpoint of another log",
                with(
                                good,
                                null,
                                new CheckpointSigner(key)
                                        .sign(new Checkpoint(
                                                new LogId("other.example/audit"),
                                                cp.checkpoint().accumulator(),
                                                EPOCH,
                                                cp.checkpoint().time())))
                        .encode(),
                key,
                EPOCH,
                ErrorCode.RECEIPT_LOG_MISMATCH);
        receiptReject(
                set,
                "statement-as-checkpoint",
                "the statement in place of the checkpoint",
                with(good, null, target.signed().toByteArray()).encode(),
                key,
                EPOCH,
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH);
        receiptReject(
                set,
                "flipped-checkpoint-signature",
                "last bit of the checkpoint signature flipped",
                with(good, null, flipLast(cp.signed().toByteArray())).encode(),
                key,
                EPOCH,
                ErrorCode.COSE_BAD_SIGNATURE);
        Statement st = target.statement();
        receiptReject(
                set,
                "untrusted-statement",
                "statement signed by a key outside the trust anchors",
                with(good, signStatement(stranger, st), null).encode(),
                key,
                EPOCH,
                ErrorCode.SIGNATURE_KEY_UNTRUSTED);
        receiptReject(
                set,
                "statement-of-other-log",
                "statement naming another log",
                with(
                                good,
                                signStatement(
                                        key, changed(st, new LogId("other.example/audit"), st.sequence(), st.time())),
                                null)
                        .encode(),
                key,
                EPOCH,
                ErrorCode.RECEIPT_LOG_MISMATCH);
        receiptReject(
                set,
                "sequence-mismatch",
                "statement claims sequence 5 for marker 2",
                with(good, signStatement(key, changed(st, st.logId(), 5, st.time())), null)
                        .encode(),
                key,
                EPOCH,
                ErrorCode.RECEIPT_NOT_INCLUDED);
        receiptReject(
                set,
                "statement-after-checkpoint",
                "statement time after the checkpoint's",
                with(
                                good,
                                signStatement(
                                        key,
                                        changed(
                                                st,
                                                st.logId(),
                                                st.sequence(),
                                                cp.checkpoint().time().plusMillis(1))),
                                null)
                        .encode(),
                key,
                EPOCH,
                ErrorCode.RECEIPT_TIME_INVALID);
        receiptReject(
                set,
                "rewritten-subject",
                "statement subject rewritten, signature kept",
                with(good, rewriteSubject(target.signed().toByteArray()), null).encode(),
                key,
                EPOCH,
                ErrorCode.COSE_BAD_SIGNATURE);
        FullReceipt otherProof = new FullReceipt(
                good.statement(), good.marker(), log.receipt(issued.get(1), cp).proof(), good.checkpoint());
        receiptReject(
                set,
                "proof-of-other-leaf",
                "the inclusion proof of marker 1",
                otherProof.encode(),
                key,
                EPOCH,
                ErrorCode.RECEIPT_NOT_INCLUDED);
        List<Digest> path = new ArrayList<>(good.proof().path());
        byte[] first = path.get(0).toByteArray();
        first[0] ^= 1;
        path.set(0, Digest.of(first));
        receiptReject(
                set,
                "flipped-path-bit",
                "one bit of the first path entry flipped",
                new FullReceipt(
                                good.statement(),
                                good.marker(),
                                new InclusionProof(good.proof().index(), path),
                                good.checkpoint())
                        .encode(),
                key,
                EPOCH,
                ErrorCode.MMR_PROOF_INVALID);
        List<Digest> shorter =
                good.proof().path().subList(0, good.proof().path().size() - 1);
        receiptReject(
                set,
                "truncated-path",
                "the last path entry removed",
                new FullReceipt(
                                good.statement(),
                                good.marker(),
                                new InclusionProof(good.proof().index(), shorter),
                                good.checkpoint())
                        .encode(),
                key,
                EPOCH,
                ErrorCode.MMR_PROOF_MALFORMED);
        Marker m = good.marker();
        Marker wrongPrev =
                Marker.of(m.seq(), m.timeMillis(), m.kind(), m.payloadDigest(), digest("not the previous marker"));
        receiptReject(
                set,
                "wrong-previous-hash",
                "the marker's previous hash replaced",
                new FullReceipt(good.statement(), wrongPrev, good.proof(), good.checkpoint()).encode(),
                key,
                EPOCH,
                ErrorCode.MMR_PROOF_INVALID);
        CborMap extra = withEntry((CborMap) Cbor.decode(encoded), 5, CborInt.of(0));
        receiptReject(
                set,
                "unknown-field",
                "receipt with an extra field 5",
                Cbor.encode(extra),
                key,
                EPOCH,
                ErrorCode.CBOR_UNKNOWN_FIELD);
    }

    // --- writing ---

    private static ObjectNode rules(ObjectNode node, SigningKey key) {
        node.putArray("trusted_keys")
                .add(HEX.formatHex(Cbor.encode(key.verificationKey().toCoseKey())));
        node.put("log_id", LOG.value());
        node.put("now_ms", NOW.toEpochMilli());
        node.put("max_skew_ms", SKEW_MS);
        return node;
    }

    private static void checkpointAccept(VectorSet set, String name, SignedCheckpoint cp, SigningKey key) {
        ObjectNode node = rules(set.accept("checkpoint", name, "a checkpoint the log signed"), key);
        node.put("checkpoint", cp.signed().toHex());
        node.put("size", cp.checkpoint().size());
    }

    private static void checkpointReject(
            VectorSet set, String name, String description, byte[] signed, SigningKey key, ErrorCode want) {
        ObjectNode node = rules(set.reject("checkpoint", name, description, want), key);
        node.put("checkpoint", HEX.formatHex(signed));
    }

    private static void receiptAccept(
            VectorSet set, String name, IssuedStatement s, FullReceipt receipt, SigningKey key, long epoch) {
        ObjectNode node = rules(set.accept("receipt", name, "a full receipt the log assembled"), key);
        node.put("epoch", epoch);
        node.put("receipt", HEX.formatHex(receipt.encode()));
        node.put("sequence", s.marker().seq());
        node.put("subject", s.statement().subject());
    }

    private static void receiptReject(
            VectorSet set,
            String name,
            String description,
            byte[] receipt,
            SigningKey key,
            long epoch,
            ErrorCode want) {
        ObjectNode node = rules(set.reject("receipt", name, description, want), key);
        node.put("epoch", epoch);
        node.put("receipt", HEX.formatHex(receipt));
    }

    // --- building blocks ---

    private static FullReceipt with(FullReceipt good, byte[] statement, byte[] checkpoint) {
        Bytes st = statement == null ? good.statement() : Bytes.copyOf(statement);
        Marker m = good.marker();
        Marker marker = Marker.of(m.seq(), m.timeMillis(), m.kind(), FullReceipt.statementDigest(st), m.prevHash());
        return new FullReceipt(
                st, marker, good.proof(), checkpoint == null ? good.checkpoint() : Bytes.copyOf(checkpoint));
    }

    /** The statement with its log id, sequence and time replaced. */
    private static Statement changed(Statement s, LogId logId, long sequence, Instant time) {
        return new Statement(
                logId,
                s.kind(),
                s.actor(),
                s.subject(),
                s.epoch(),
                sequence,
                time,
                s.policyHash(),
                s.requestHash(),
                s.outcome());
    }

    private static byte[] signStatement(SigningKey key, Statement statement) {
        return CoseSigner.builder(key)
                .contentType(Statement.CONTENT_TYPE)
                .build()
                .sign(Cbor.encode(statement.toCbor()))
                .encode();
    }

    private static byte[] signAsCheckpoint(SigningKey key, CborMap payload) {
        return CoseSigner.builder(key)
                .contentType(Checkpoint.CONTENT_TYPE)
                .build()
                .sign(Cbor.encode(payload))
                .encode();
    }

    private static byte[] rewriteSubject(byte[] signedStatement) {
        byte[] copy = signedStatement.clone();
        byte[] needle = "node/n-2".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= copy.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + needle.length, needle, 0, needle.length)) {
                copy[i + needle.length - 1] = '9';
                return copy;
            }
        }
        throw new IllegalStateException("subject not found");
    }

    private static CborMap withEntry(CborMap map, long key, CborInt value) {
        CborMap.Builder builder = CborMap.builder();
        map.entries().stream()
                .filter(e -> !e.key().equals(CborInt.of(key)))
                .forEach(e -> builder.put(e.key(), e.value()));
        return builder.put(key, value).build();
    }

    private static byte[] flipLast(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static Digest digest(String text) {
        return DomainHash.of(HashDomain.STATEMENT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("cairn-vectors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
