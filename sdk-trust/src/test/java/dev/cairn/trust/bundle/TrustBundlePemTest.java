package dev.cairn.trust.bundle;

import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.support.OpenSsl;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustBundlePemTest {
    private static final Hierarchy ED = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final Hierarchy EC = BundleFixtures.hierarchy(KeyType.P256);

    @TempDir
    Path dir;

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void refused(byte[] pem) {
        assertEquals(
                ErrorCode.BUNDLE_MALFORMED,
                assertThrows(MalformedInputException.class, () -> TrustBundlePem.parse(pem))
                        .code());
    }

    @Test
    void theCertificatesComeBackCurrentFirstAndTheJdkReadsTheSame() throws Exception {
        TrustBundle bundle = bundle(3, next(EC.intermediate()), current(ED.intermediate()), current(ED.root()));
        String pem = TrustBundlePem.render(bundle);
        List<X509Certificate> expected = List.of(ED.intermediate(), ED.root(), EC.intermediate());
        assertEquals(expected, TrustBundlePem.parse(ascii(pem)));
        assertEquals(
                expected,
                new ArrayList<>(CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(ascii(pem)))));
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void openSslVerifiesALeafAgainstThePemBundle(KeyType type) throws Exception {
        Hierarchy h = BundleFixtures.hierarchy(type, Clock.systemUTC());
        X509Certificate leaf = BundleFixtures.leaf(BundleFixtures.issuer(h, Clock.systemUTC()), "n-1");
        Path bundleFile = Files.writeString(
                dir.resolve("bundle.pem"), TrustBundlePem.render(bundle(1, current(h.intermediate()))));
        Path leafFile = Files.writeString(dir.resolve("leaf.pem"), IssuedCertificate.pem(leaf));
        OpenSsl.Result ok =
                OpenSsl.run("verify", "-partial_chain", "-CAfile", bundleFile.toString(), leafFile.toString());
        assertTrue(ok.ok(), ok.output());
        Path otherFile = Files.writeString(
                dir.resolve("other.pem"), TrustBundlePem.render(bundle(1, current(ED.intermediate()))));
        OpenSsl.Result refused =
                OpenSsl.run("verify", "-partial_chain", "-CAfile", otherFile.toString(), leafFile.toString());
        assertFalse(refused.ok(), refused.output());
    }

    @Test
    void anythingButOneToSixteenDistinctCaBlocksIsRefused() throws Exception {
        String one = TrustBundlePem.render(bundle(1, current(ED.intermediate())));
        refused(new byte[0]);
        refused(ascii("\n\n"));
        refused(ascii(one + one));
        refused(ascii("text before\n" + one));
        refused(ascii(one.replace("CERTIFICATE", "PUBLIC KEY")));
        refused(ascii(one.substring(0, one.length() - 10)));
        refused(ascii(one.replace("\n-----END", "!\n-----END")));
        refused(ascii("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        X509Certificate leaf = BundleFixtures.leaf(BundleFixtures.issuer(ED, BundleFixtures.CLOCK), "n-1");
        refused(ascii(IssuedCertificate.pem(leaf)));
        refused(ascii(
                IssuedCertificate.pem(BundleFixtures.foreign(BundleFixtures.rsa(), "SHA256withRSA", true, null))));
        StringBuilder seventeen = new StringBuilder();
        for (int i = 0; i < TrustBundle.MAX_ENTRIES + 1; i++) {
            seventeen.append(IssuedCertificate.pem(
                    BundleFixtures.hierarchy(KeyType.ED25519).root()));
        }
        refused(ascii(seventeen.toString()));
        byte[] big = new byte[TrustBundlePem.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '\n');
        refused(big);
    }
}
