package dev.cairn.trust.bundle;

import static dev.cairn.trust.bundle.BundleFixtures.REFRESH;
import static dev.cairn.trust.bundle.BundleFixtures.TD;
import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustBundleTest {
    private static final Hierarchy ED = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final Hierarchy EC = BundleFixtures.hierarchy(KeyType.P256);

    private static void malformed(Executable executable) {
        assertEquals(
                ErrorCode.BUNDLE_MALFORMED,
                assertThrows(MalformedInputException.class, executable).code());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void certificatesAndKeysAreTheCasCurrentFirst(KeyType type) {
        Hierarchy h = BundleFixtures.hierarchy(type);
        TrustBundle bundle = bundle(7, next(h.intermediate()), current(h.root()));
        assertEquals(List.of(h.root(), h.intermediate()), bundle.certificates());
        assertEquals(List.of(h.root()), bundle.certificates(CaStatus.CURRENT));
        assertEquals(List.of(h.intermediate()), bundle.certificates(CaStatus.NEXT));
        assertEquals(TD, bundle.trustDomain());
        assertEquals(7, bundle.sequence());
        List<VerificationKey> keys = bundle.keys().keys();
        assertEquals(List.of(h.rootKey().verificationKey(), h.key().verificationKey()), keys);
        assertTrue(bundle.keys().find(h.key().verificationKey().kid()).isPresent());
    }

    @Test
    void theLimitsOfSequenceAndRefreshHintHold() {
        List<CaEntry> one = List.of(current(ED.intermediate()));
        malformed(() -> new TrustBundle(TD, 0, REFRESH, one));
        malformed(() -> new TrustBundle(TD, -1, REFRESH, one));
        malformed(() -> new TrustBundle(TD, 1, Duration.ofSeconds(9), one));
        malformed(() -> new TrustBundle(TD, 1, Duration.ofDays(1).plusSeconds(1), one));
        malformed(() -> new TrustBundle(TD, 1, Duration.ofMillis(60_500), one));
        malformed(() -> new TrustBundle(TD, 1, Duration.ofSeconds(-60), one));
        assertEquals(Long.MAX_VALUE, new TrustBundle(TD, Long.MAX_VALUE, TrustBundle.MAX_REFRESH_HINT, one).sequence());
        assertEquals(
                TrustBundle.MIN_REFRESH_HINT, new TrustBundle(TD, 1, TrustBundle.MIN_REFRESH_HINT, one).refreshHint());
    }

    @Test
    void entriesAreOneToSixteenWithACurrentOneAndNoKeyTwice() {
        malformed(() -> bundle(1));
        malformed(() -> bundle(1, next(ED.intermediate())));
        malformed(() -> bundle(1, current(ED.intermediate()), next(ED.intermediate())));
        malformed(() -> bundle(1, current(ED.intermediate()), current(ED.intermediate())));
        List<CaEntry> many = new ArrayList<>();
        for (int i = 0; i < TrustBundle.MAX_ENTRIES; i++) {
            many.add(current(BundleFixtures.hierarchy(KeyType.ED25519).root()));
        }
        assertEquals(16, new TrustBundle(TD, 1, REFRESH, many).entries().size());
        many.add(current(EC.root()));
        malformed(() -> new TrustBundle(TD, 1, REFRESH, many));
    }

    @Test
    void onlyCaCertificatesWithEd25519OrP256KeysAreEntries() throws Exception {
        malformed(() -> current(BundleFixtures.foreign(BundleFixtures.ed25519(), "Ed25519", false, null)));
        malformed(() -> current(BundleFixtures.foreign(
                BundleFixtures.ed25519(), "Ed25519", true, KeyUsage.digitalSignature | KeyUsage.cRLSign)));
        malformed(() -> current(BundleFixtures.foreign(BundleFixtures.rsa(), "SHA256withRSA", true, null)));
        malformed(() -> current(BundleFixtures.foreign(BundleFixtures.p384(), "SHA384withECDSA", true, null)));
        X509Certificate plain = BundleFixtures.foreign(BundleFixtures.ed25519(), "Ed25519", true, null);
        assertEquals(KeyType.ED25519, current(plain).key().type());
        X509Certificate signing =
                BundleFixtures.foreign(BundleFixtures.ed25519(), "Ed25519", true, KeyUsage.keyCertSign);
        assertEquals(CaStatus.NEXT, next(signing).status());
    }

    @Test
    void equalContentIsAnEqualValue() {
        assertEquals(
                bundle(3, current(ED.intermediate()), next(EC.intermediate())),
                bundle(3, next(EC.intermediate()), current(ED.intermediate())));
    }
}
