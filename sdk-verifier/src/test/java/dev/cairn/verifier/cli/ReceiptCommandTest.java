package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.flip;
import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.Cli.writeHex;
import static dev.cairn.verifier.cli.Cli.writeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.verifier.ForeignReceipts;
import dev.cairn.verifier.LogFixture;
import dev.cairn.verifier.PkiFixture;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptCommandTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private SignedCheckpoint early;
    private SignedCheckpoint checkpoint;
    private String key;
    private String receipt;

    @BeforeEach
    void log() {
        log = new LogFixture(dir.resolve("log"));
        log.issue(3);
        early = log.checkpoint();
        log.issue(3);
        checkpoint = log.checkpoint();
        key = writeKey(dir, "log.cose", log.key.verificationKey());
        receipt = write(dir, "receipt.cbor", log.receipt(2, checkpoint));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private String now() {
        return log.clock.instant().toString();
    }

    private List<String> full(String file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "receipt", "--json", "--key", key, "--log-id", LogFixture.LOG.value(), "--at", now(), "--epoch", "3"));
        args.addAll(List.of(more));
        args.add(file);
        return args;
    }

    private static Cli.Run cli(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    @Test
    void aValidReceiptExitsZeroAndReportsItsStatement() {
        JsonNode result = cli(full(receipt)).expect(0).only();
        assertEquals("valid", result.path("status").asText());
        assertEquals("receipt", result.path("what").asText());
        assertEquals(2, result.path("sequence").asLong());
        assertEquals(
                "cairn://cli.example/cluster/c1/node/n-2",
                result.path("subject").asText());
        assertEquals(
                checkpoint.checkpoint().size(), result.path("checkpoint_size").asLong());
        assertEquals(
                log.key.verificationKey().kid().toHex(),
                result.path("signer_kid").asText());
    }

    @Test
    void textOutputIsTheDefault() {
        List<String> args = full(receipt);
        args.remove("--json");
        Cli.Run result = cli(args).expect(0);
        assertTrue(result.out().startsWith("VALID receipt: statement 2 (node.enroll"), result.out());
        assertTrue(result.out().contains("  subject: cairn://cli.example/cluster/c1/node/n-2"), result.out());
    }

    @Test
    void hexAndStandardInputAreReadToo() {
        cli(full(writeHex(dir, "receipt.hex", log.receipt(1, checkpoint)))).expect(0);
        assertEquals(
                0,
                run(log.receipt(4, checkpoint), full("-").toArray(String[]::new))
                        .expect(0)
                        .exit());
    }

    @Test
    void everyStatementVerifiesUnderEitherCheckpointThatCoversIt() {
        for (int i = 0; i < 6; i++) {
            cli(full(write(dir, "r" + i, log.receipt(i, checkpoint)))).expect(0);
        }
        cli(full(write(dir, "early", log.receipt(1, early)))).expect(0);
    }

    @Test
    void aFlippedStatementSignatureIsRejected() {
        FullReceipt good = FullReceipt.decode(log.receipt(2, checkpoint));
        byte[] statement = good.statement().toByteArray();
        Bytes forged = Bytes.copyOf(flip(statement, statement.length - 1));
        FullReceipt bad = new FullReceipt(forged, remark(good, forged), good.proof(), good.checkpoint());
        cli(full(write(dir, "bad", bad.encode()))).expect(1, "COSE_BAD_SIGNATURE");
    }

    private static dev.cairn.marker.Marker remark(FullReceipt good, Bytes statement) {
        dev.cairn.marker.Marker m = good.marker();
        return dev.cairn.marker.Marker.of(
                m.seq(), m.timeMillis(), m.kind(), FullReceipt.statementDigest(statement), m.prevHash());
    }

    @Test
    void anotherLogIsRejectedWithWhatWasExpectedAndFound() {
        List<String> args = full(receipt);
        args.set(args.indexOf("--log-id") + 1, "other.example/audit");
        JsonNode result = cli(args).expect(1, "RECEIPT_LOG_MISMATCH").only();
        assertEquals(
                "other.example/audit", result.path("details").path("expected").asText());
        assertEquals(
                LogFixture.LOG.value(), result.path("details").path("found").asText());
        assertEquals("REJECTED", result.path("family").asText());
        assertEquals("invalid", result.path("status").asText());
    }

    @Test
    void textFailuresPrintTheCodeAndExpectedAndFound() {
        List<String> args = full(receipt);
        args.remove("--json");
        args.set(args.indexOf("--epoch") + 1, "4");
        Cli.Run result = cli(args).expect(1);
        assertTrue(result.out().startsWith("INVALID receipt: RECEIPT_EPOCH_MISMATCH (REJECTED)"), result.out());
        assertTrue(result.out().contains("  expected: 4"), result.out());
        assertTrue(result.out().contains("  found: 3"), result.out());
        assertTrue(result.out().contains("  hint: "), result.out());
    }

    @Test
    void anyEpochAcceptsTheStatementsEpoch() {
        List<String> args = full(receipt);
        int at = args.indexOf("--epoch");
        args.remove(at);
        args.set(at, "--any-epoch");
        cli(args).expect(0);
    }

    @Test
    void anUntrustedKeyIsRejected() {
        String other = writeKey(
                dir,
                "other.cose",
                SigningKey.generate(KeyType.P256, new SecureRandom()).verificationKey());
        List<String> args = full(receipt);
        args.set(args.indexOf("--key") + 1, other);
        cli(args).expect(1, "SIGNATURE_KEY_UNTRUSTED");
    }

    @Test
    void aCheckpointFromTheFutureIsRejected() {
        List<String> args = full(receipt);
        args.set(
                args.indexOf("--at") + 1,
                LogFixture.T0.minus(Duration.ofHours(1)).toString());
        cli(args).expect(1, "RECEIPT_TIME_INVALID");
    }

    @Test
    void theProofOfAnotherStatementIsRejected() {
        FullReceipt good = FullReceipt.decode(log.receipt(2, checkpoint));
        FullReceipt other = FullReceipt.decode(log.receipt(3, checkpoint));
        FullReceipt bad = new FullReceipt(good.statement(), good.marker(), other.proof(), good.checkpoint());
        cli(full(write(dir, "bad", bad.encode()))).expect(1, "RECEIPT_NOT_INCLUDED");
    }

    @Test
    void malformedInputExitsTwo() {
        byte[] whole = log.receipt(2, checkpoint);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 5);
        JsonNode result = cli(full(write(dir, "cut", truncated)))
                .expect(2, "CBOR_TRUNCATED")
                .only();
        assertEquals("malformed", result.path("status").asText());
        assertEquals("MALFORMED_INPUT", result.path("family").asText());
        List<String> args = full(receipt);
        args.set(args.indexOf("--key") + 1, write(dir, "bad.cose", new byte[] {0x01}));
        cli(args).expect(2, "KEY_INVALID");
    }

    @Test
    void usageErrorsExitTwoOnStandardError() {
        List<String> noEpoch = full(receipt);
        noEpoch.remove(noEpoch.indexOf("--epoch") + 1);
        noEpoch.remove("--epoch");
        Cli.Run result = cli(noEpoch).expect(2);
        assertTrue(result.err().contains("--epoch"), result.err());
        assertEquals("", result.out());
        cli(full(receipt, "--leaf", "00".repeat(32))).expect(2);
        cli(full(receipt, "--max-skew", "five minutes")).expect(2);
        cli(full(dir.resolve("missing").toString())).expect(2);
        run("receipt", "--log-id", "x/y", "--any-epoch", receipt).expect(2);
        run("receipt", "--no-such-option").expect(2);
    }

    // --- COSE Receipts ---

    private List<String> cose(String kind, String file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "receipt", "--json", "--cose", kind, "--key", key, "--log-id", LogFixture.LOG.value(), "--at", now()));
        args.addAll(List.of(more));
        args.add(file);
        return args;
    }

    private static String accumulator(Path dir, String name, Accumulator acc) {
        List<String> peaks = new ArrayList<>();
        acc.peaks().forEach(p -> peaks.add("\"" + p.toHex() + "\""));
        return write(dir, name, "{\"size\": " + acc.size() + ", \"peaks\": [" + String.join(", ", peaks) + "]}");
    }

    @Test
    void coseReceiptsOfInclusionVerifyAloneOrAgainstTrustedState() {
        String file = write(dir, "inclusion.cose", log.inclusionReceipt(4, checkpoint));
        String leaf = log.issued.get(4).marker().hash().toHex();
        JsonNode alone = cli(cose("inclusion", file, "--leaf", leaf)).expect(0).only();
        assertEquals("cose-inclusion-receipt", alone.path("what").asText());
        assertEquals(false, alone.path("anchored").asBoolean());
        assertTrue(alone.path("is_leaf").asBoolean());
        String signed = write(dir, "checkpoint.cose", checkpoint.signed().toByteArray());
        assertTrue(cli(cose("inclusion", file, "--leaf", leaf, "--checkpoint", signed))
                .expect(0)
                .only()
                .path("anchored")
                .asBoolean());
        String acc = accumulator(dir, "acc.json", checkpoint.checkpoint().accumulator());
        cli(cose("inclusion", file, "--leaf", leaf, "--accumulator", acc)).expect(0);
    }

    @Test
    void aCoseReceiptOfInclusionForAnotherLeafIsRejected() {
        String file = write(dir, "inclusion.cose", log.inclusionReceipt(4, checkpoint));
        String other = log.issued.get(3).marker().hash().toHex();
        cli(cose("inclusion", file, "--leaf", other)).expect(1, "COSE_BAD_SIGNATURE");
        String signed = write(dir, "checkpoint.cose", checkpoint.signed().toByteArray());
        cli(cose("inclusion", file, "--leaf", other, "--checkpoint", signed)).expect(1, "MMR_PROOF_INVALID");
    }

    @Test
    void coseReceiptsOfConsistencyVerifyFromTheEarlierCheckpoint() {
        String file = write(dir, "consistency.cose", log.consistencyReceipt(early, checkpoint));
        String from = write(dir, "early.cose", early.signed().toByteArray());
        JsonNode result =
                cli(cose("consistency", file, "--checkpoint", from)).expect(0).only();
        assertEquals(early.checkpoint().size(), result.path("size1").asLong());
        assertEquals(checkpoint.checkpoint().size(), result.path("size2").asLong());
        Accumulator forged = new Accumulator(
                early.checkpoint().size(),
                List.of(
                        log.issued.get(0).marker().hash(),
                        log.issued.get(2).marker().hash()));
        // The forged earlier peaks climb to one later peak and disagree there.
        cli(cose("consistency", file, "--accumulator", accumulator(dir, "forged.json", forged)))
                .expect(1, "MMR_PROOF_INVALID");
        cli(cose("consistency", file, "--accumulator", write(dir, "bad.json", "{\"size\": 4}")))
                .expect(2, "PROOF_DOCUMENT_MALFORMED");
        cli(cose("consistency", file)).expect(2);
    }

    // --- COSE Receipts of other implementations (--foreign) ---

    private byte[] foreignInclusion(int statement, boolean withKid) {
        long size = checkpoint.checkpoint().size();
        return ForeignReceipts.inclusion(
                log.key,
                withKid ? ForeignReceipts.randomKid() : null,
                log.mirror().inclusionProof(MmrMath.leafIndex(statement), size),
                log.issued.get(statement).marker().hash());
    }

    private String foreignInclusion(String name, int statement, boolean withKid) {
        return write(dir, name, foreignInclusion(statement, withKid));
    }

    @Test
    void aForeignCoseReceiptIsRefusedByDefaultAndAcceptedWithForeign() {
        String file = foreignInclusion("foreign.cose", 4, true);
        String leaf = log.issued.get(4).marker().hash().toHex();
        cli(cose("inclusion", file, "--leaf", leaf)).expect(2, "RECEIPT_MALFORMED");
        JsonNode result = cli(cose("inclusion", file, "--leaf", leaf, "--foreign"))
                .expect(0)
                .only();
        assertEquals("cose-inclusion-receipt", result.path("what").asText());
        assertTrue(result.path("log_id").isMissingNode(), result.toString());
        assertEquals(
                log.key.verificationKey().kid().toHex(),
                result.path("signer_kid").asText());
        String signed = write(dir, "checkpoint.cose", checkpoint.signed().toByteArray());
        assertTrue(cli(cose("inclusion", file, "--leaf", leaf, "--checkpoint", signed, "--foreign"))
                .expect(0)
                .only()
                .path("anchored")
                .asBoolean());
        cli(cose("inclusion", foreignInclusion("nokid.cose", 4, false), "--leaf", leaf, "--foreign"))
                .expect(0);
        String consistency = write(
                dir,
                "foreign-consistency.cose",
                ForeignReceipts.consistency(
                        log.key,
                        ForeignReceipts.randomKid(),
                        log.consistency(early, checkpoint),
                        checkpoint.checkpoint().accumulator()));
        String from = write(dir, "early.cose", early.signed().toByteArray());
        cli(cose("consistency", consistency, "--checkpoint", from)).expect(2, "RECEIPT_MALFORMED");
        JsonNode extended = cli(cose("consistency", consistency, "--checkpoint", from, "--foreign"))
                .expect(0)
                .only();
        assertEquals(checkpoint.checkpoint().size(), extended.path("size2").asLong());
        assertTrue(extended.path("log_id").isMissingNode(), extended.toString());
    }

    @Test
    void aTamperedForeignCoseReceiptOrAnotherKeyIsRejected() {
        byte[] bytes = foreignInclusion(4, true);
        String file = write(dir, "foreign.cose", bytes);
        String other = log.issued.get(3).marker().hash().toHex();
        cli(cose("inclusion", file, "--leaf", other, "--foreign")).expect(1, "COSE_BAD_SIGNATURE");
        String flipped = write(dir, "flipped.cose", flip(bytes, bytes.length - 1));
        String leaf = log.issued.get(4).marker().hash().toHex();
        cli(cose("inclusion", flipped, "--leaf", leaf, "--foreign")).expect(1, "COSE_BAD_SIGNATURE");
        String stranger = writeKey(
                dir,
                "stranger.cose",
                SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey());
        List<String> args = cose("inclusion", file, "--leaf", leaf, "--foreign");
        args.set(args.indexOf("--key") + 1, stranger);
        cli(args).expect(1, "COSE_BAD_SIGNATURE");
    }

    @Test
    void cairnsOwnCoseReceiptsVerifyWithForeignToo() {
        String file = write(dir, "inclusion.cose", log.inclusionReceipt(4, checkpoint));
        String leaf = log.issued.get(4).marker().hash().toHex();
        JsonNode result = cli(cose("inclusion", file, "--leaf", leaf, "--foreign"))
                .expect(0)
                .only();
        assertEquals(LogFixture.LOG.value(), result.path("log_id").asText());
        String consistency = write(dir, "consistency.cose", log.consistencyReceipt(early, checkpoint));
        String from = write(dir, "early.cose", early.signed().toByteArray());
        assertEquals(
                LogFixture.LOG.value(),
                cli(cose("consistency", consistency, "--checkpoint", from, "--foreign"))
                        .expect(0)
                        .only()
                        .path("log_id")
                        .asText());
    }

    @Test
    void foreignTakesOneKeyAndOnlyCoseReceipts() {
        String file = foreignInclusion("foreign.cose", 4, true);
        String leaf = log.issued.get(4).marker().hash().toHex();
        String second = writeKey(
                dir,
                "second.cose",
                SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey());
        Cli.Run twoKeys = cli(cose("inclusion", file, "--leaf", leaf, "--foreign", "--key", second))
                .expect(2);
        assertTrue(twoKeys.err().contains("exactly one --key"), twoKeys.err());
        cli(full(receipt, "--foreign")).expect(2);
    }

    // --- the signer's certificate chain ---

    private PkiFixture pki;

    private String chainOf(String name, IssuedCertificate issued) {
        Path file = dir.resolve(name);
        List<java.security.cert.X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        KeyFiles.writeCertificates(file, chain);
        return file.toString();
    }

    private List<String> signed(String chain, String... more) {
        List<String> args =
                full(receipt, "--signer-chain", chain, "--trust-bundle", write(dir, "bundle.jwks", pki.jwks()));
        args.addAll(args.size() - 1, List.of(more));
        return args;
    }

    private String head() {
        return write(dir, "head.cose", pki.head());
    }

    @Test
    void aSignerChainProvesWhoSignedTheReceipt() {
        pki = new PkiFixture(log.clock);
        String chain = chainOf("signer.pem", pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        JsonNode result =
                cli(signed(chain, "--revocation-head", head())).expect(0).only();
        assertEquals(PkiFixture.LOG_SIGNER.uri(), result.path("signer_identity").asText());
        List<String> withoutKey = signed(chain, "--revocation-head", head());
        withoutKey.remove(withoutKey.indexOf("--key") + 1);
        withoutKey.remove("--key");
        cli(withoutKey).expect(0);
    }

    @Test
    void aCertificateGivenAsKeyIsTrustedAsGiven() {
        pki = new PkiFixture(log.clock);
        String chain = chainOf("signer.pem", pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        List<String> args = full(receipt);
        args.set(args.indexOf("--key") + 1, chain);
        cli(args).expect(0);
    }

    @Test
    void aRevokedSignerIsRejected() {
        pki = new PkiFixture(log.clock);
        IssuedCertificate issued = pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE);
        pki.revoke(issued.certificate().getSerialNumber());
        String entries = write(dir, "entries.cbor", pki.entries());
        cli(signed(chainOf("signer.pem", issued), "--revocation-head", head(), "--revocation-entries", entries))
                .expect(1, "CERT_REVOKED");
    }

    @Test
    void aHeadTooOldForTheTierOrNoHeadIsStale() {
        pki = new PkiFixture(log.clock);
        String chain = chainOf("signer.pem", pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        String head = head();
        List<String> dangerous = signed(chain, "--revocation-head", head, "--tier", "dangerous");
        dangerous.set(
                dangerous.indexOf("--at") + 1,
                log.clock.instant().plus(Duration.ofMinutes(10)).toString());
        cli(dangerous).expect(1, "REVOCATION_HEAD_STALE");
        cli(signed(chain)).expect(1, "REVOCATION_HEAD_STALE");
    }

    @Test
    void aCertificateForAnotherKeyIsRejected() {
        pki = new PkiFixture(log.clock);
        SigningKey other = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        String chain = chainOf("other.pem", pki.issue(other, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        JsonNode result = cli(signed(chain, "--revocation-head", head()))
                .expect(1, "SIGNATURE_KEY_UNTRUSTED")
                .only();
        assertEquals("statement", result.path("details").path("signature").asText());
        List<String> withoutKey = signed(chain, "--revocation-head", head());
        withoutKey.remove(withoutKey.indexOf("--key") + 1);
        withoutKey.remove("--key");
        cli(withoutKey).expect(1, "SIGNATURE_KEY_UNTRUSTED");
    }

    @Test
    void aClientCertificateOrAnotherCaIsNotASigner() {
        pki = new PkiFixture(log.clock);
        String client = chainOf(
                "client.pem",
                pki.issue(
                        log.key,
                        dev.cairn.trust.identity.CairnId.node(PkiFixture.TD, "c1", "n-1"),
                        Profile.NODE_CLIENT));
        cli(signed(client, "--revocation-head", head())).expect(1, "CERT_CHAIN_INVALID");
        PkiFixture stranger = new PkiFixture(log.clock);
        String foreign = chainOf("foreign.pem", stranger.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        cli(signed(foreign, "--revocation-head", head())).expect(1, "CERT_CHAIN_INVALID");
    }

    @Test
    void aSignerChainNeedsATrustBundle() {
        pki = new PkiFixture(log.clock);
        String chain = chainOf("signer.pem", pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE));
        cli(full(receipt, "--signer-chain", chain)).expect(2);
        cli(full(receipt, "--trust-bundle", write(dir, "bundle.jwks", pki.jwks())))
                .expect(2);
    }
}
