package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.ca.Profile;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose log key only its carried certificate makes trusted verifies if and only if the chain
 * and the head both hold, and no single-byte change to that material passes or escapes as anything
 * but a coded input error or rejection.
 */
class CertifiedLogKeyPropertyTest {
    @TempDir
    static Path dir;

    private static TestLog t;
    private static SignedCheckpoint covering;
    private static final LogPki PKI = new LogPki();
    private static List<List<X509Certificate>> chains;
    private static List<byte[]> heads;
    private static byte[] good;
    private static AuditBundleVerifier verifier;

    @BeforeAll
    static void export() {
        t = TestLog.open(dir).grow(6);
        covering = t.checkpoint();
        LogPki other = new LogPki();
        List<X509Certificate> revoked = PKI.certify(t.key);
        PKI.revoke(revoked.get(0));
        chains = List.of(
                PKI.certify(t.key),
                other.certify(t.key),
                PKI.certify(
                        t.key,
                        LogPki.SIGNER,
                        Profile.LOG_SIGNER,
                        TestLog.T0.minus(Duration.ofHours(1)),
                        Duration.ofMinutes(10)),
                revoked);
        SigningKey notCa = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        heads = Arrays.asList(
                PKI.freshHead(),
                PKI.head(TestLog.NOW.instant().minus(Duration.ofDays(2))),
                PKI.head(TestLog.NOW.instant(), notCa),
                null);
        verifier = PKI.verifier().build();
        good = bundle(0, 0);
    }

    @AfterAll
    static void close() {
        t.close();
    }

    /** A bundle with chain {@code c} (0 good, 1 another CA, 2 expired, 3 revoked) and head {@code h} (0 fresh, 1 stale, 2 by a non-CA key, 3 none). */
    private static byte[] bundle(int c, int h) {
        AuditBundleExporter.Builder exporter = t.exporter(covering).logKeyCertificateChain(LogPki.der(chains.get(c)));
        if (heads.get(h) != null) {
            exporter.revocation(Bytes.copyOf(heads.get(h)), List.of(PKI.entries()));
        }
        return TestLog.export(exporter.build(), 1, 4);
    }

    @Test
    void aBundleVerifiesIfAndOnlyIfItsChainAndHeadDo() {
        for (int c = 0; c < chains.size(); c++) {
            for (int h = 0; h < heads.size(); h++) {
                byte[] bundle = bundle(c, h);
                if (c == 0 && h == 0) {
                    assertEquals(
                            4, verifier.verify(new ByteArrayInputStream(bundle)).count());
                } else {
                    CairnException e = assertThrows(
                            CairnException.class,
                            () -> verifier.verify(new ByteArrayInputStream(bundle)),
                            "chain " + c + ", head " + h);
                    assertNotEquals(ErrorFamily.INTERNAL, e.code().family(), e.getMessage());
                }
            }
        }
    }

    @Test
    void anySingleByteChangeOfTheCarriedMaterialFailsWithACodedError() {
        byte[] leaf = LogPki.der(chains.get(0)).get(0).toByteArray();
        byte[] entries = PKI.entries().toByteArray();
        int from = indexOf(good, leaf);
        int to = indexOf(good, entries) + entries.length;
        qt().withExamples(500)
                .forAll(integers().between(from, to - 1), integers().between(1, 255))
                .checkAssert((at, delta) -> {
                    byte[] bad = good.clone();
                    bad[at] = (byte) (bad[at] + delta);
                    try {
                        verifier.verify(new ByteArrayInputStream(bad));
                        fail("a bundle with byte " + at + " of its trust material changed verified");
                    } catch (CairnException e) {
                        assertNotEquals(ErrorFamily.INTERNAL, e.code().family(), e.getMessage());
                    }
                });
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
