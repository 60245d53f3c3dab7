package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.verifier.LogFixture;
import dev.cairn.verifier.PkiFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn-verify bundle} through main: audit bundles exported from a real log. */
class BundleCommandTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private SignedCheckpoint checkpoint;
    private String key;

    @BeforeEach
    void log() {
        log = new LogFixture(dir.resolve("log"));
        log.issue(20);
        checkpoint = log.checkpoint();
        key = Cli.writeKey(dir, "log.cose", log.key.verificationKey());
    }

    @AfterEach
    void close() {
        log.close();
    }

    private Cli.Run bundle(byte[] bundle, String... more) {
        String file = write(dir, "b-" + System.nanoTime(), bundle);
        String[] args = {
            "bundle",
            "--json",
            "--key",
            key,
            "--log-id",
            LogFixture.LOG.value(),
            "--at",
            log.clock.instant().toString()
        };
        String[] all = Arrays.copyOf(args, args.length + more.length + 1);
        System.arraycopy(more, 0, all, args.length, more.length);
        all[all.length - 1] = file;
        return run(all);
    }

    @Test
    void wholeAndPartialRangesAreValid() {
        JsonNode whole = bundle(log.auditBundle(0, 20, checkpoint)).expect(0).only();
        assertEquals(20, whole.path("receipts").asLong());
        assertEquals(1, whole.path("signatures_verified").asLong(), "one checkpoint signature proves them all");
        JsonNode middle = bundle(log.auditBundle(5, 7, checkpoint), "--all-signatures")
                .expect(0)
                .only();
        assertEquals(5, middle.path("first").asLong());
        assertEquals(8, middle.path("signatures_verified").asLong(), "with --all-signatures: 1 + 7");
        bundle(log.auditBundle(0, 20, checkpoint), "--threads", "1").expect(0);
    }

    @Test
    void tamperingIsRefusedWithItsCode() {
        byte[] good = log.auditBundle(0, 20, checkpoint);
        byte[] renamed = good.clone();
        byte[] name = "node/n-7".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(renamed, name);
        renamed[at + name.length - 1] = '9';
        Cli.Run refused = bundle(renamed).expect(1);
        assertTrue(
                refused.code().startsWith("MARKER_")
                        || refused.code().startsWith("RECEIPT_")
                        || refused.code().startsWith("MMR_")
                        || refused.code().startsWith("AUDIT_"),
                refused.toString());
        bundle(Arrays.copyOf(good, good.length - 10)).expect(2);
        String otherKey = Cli.writeKey(
                dir,
                "other.cose",
                SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey());
        String file = write(dir, "good", good);
        run("bundle", "--json", "--key", otherKey, "--log-id", LogFixture.LOG.value(), file)
                .expect(1);
        run("bundle", "--json", "--log-id", LogFixture.LOG.value(), file).expect(2);
        run(
                        "bundle",
                        "--json",
                        "--key",
                        key,
                        "--log-id",
                        "cli.example/other",
                        "--at",
                        log.clock.instant().toString(),
                        file)
                .expect(1, "RECEIPT_LOG_MISMATCH");
    }

    @Test
    void aLogKeyCertifiedByTheCaVerifiesWithTheTrustBundleAlone() throws Exception {
        PkiFixture pki = new PkiFixture(log.clock);
        X509Certificate leaf = pki.issue(log.key, CairnId.forLog(LogFixture.LOG), Profile.LOG_SIGNER)
                .certificate();
        TrustMaterial chain = TrustMaterial.logKeyCertificateChain(List.of(Bytes.copyOf(leaf.getEncoded())));
        byte[] head = pki.head();
        List<TrustMaterial> material = List.of(
                chain,
                TrustMaterial.revocationHead(Bytes.copyOf(head)),
                TrustMaterial.revocationEntries(Bytes.copyOf(pki.entries())));
        String file = write(dir, "certified", log.auditBundle(0, 20, checkpoint, material));
        String jwks = write(dir, "bundle.jwks", pki.jwks());
        String at = log.clock.instant().toString();
        JsonNode valid = run(
                        "bundle",
                        "--json",
                        "--trust-bundle",
                        jwks,
                        "--log-id",
                        LogFixture.LOG.value(),
                        "--at",
                        at,
                        file)
                .expect(0)
                .only();
        assertEquals(
                CairnId.forLog(LogFixture.LOG).uri(),
                valid.path("signer_identity").asText());
        assertEquals(
                leaf.getSerialNumber().toString(16), valid.path("signer_serial").asText());
        assertEquals(3, valid.path("signatures_verified").asLong(), "checkpoint, head, certificate");
        String dayLater = log.clock.instant().plus(Duration.ofHours(25)).toString();
        run("bundle", "--json", "--trust-bundle", jwks, "--log-id", LogFixture.LOG.value(), "--at", dayLater, file)
                .expect(1, "REVOCATION_HEAD_STALE");
        // The auditor's newer head, revoking the log key, decides.
        pki.revoke(leaf.getSerialNumber());
        log.clock.advance(Duration.ofSeconds(1));
        String newer = write(dir, "newer.head", pki.head());
        String entries = write(dir, "entries.cbor", pki.entries());
        run(
                        "bundle",
                        "--json",
                        "--trust-bundle",
                        jwks,
                        "--revocation-head",
                        newer,
                        "--revocation-entries",
                        entries,
                        "--log-id",
                        LogFixture.LOG.value(),
                        "--at",
                        log.clock.instant().toString(),
                        file)
                .expect(1, "CERT_REVOKED");
        run(
                        "bundle",
                        "--json",
                        "--trust-bundle",
                        jwks,
                        "--log-id",
                        LogFixture.LOG.value(),
                        "--at",
                        at,
                        "--tier",
                        "dangerous",
                        file)
                .expect(0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
