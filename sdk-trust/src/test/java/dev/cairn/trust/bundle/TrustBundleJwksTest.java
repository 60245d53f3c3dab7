package dev.cairn.trust.bundle;

import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.internal.JcaKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

class TrustBundleJwksTest {
    private static final Hierarchy ED = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final Hierarchy EC = BundleFixtures.hierarchy(KeyType.P256);
    private static final TrustBundle MIXED = bundle(42, current(ED.intermediate()), next(EC.intermediate()));
    private static final byte[] JWKS = TrustBundleJwks.render(MIXED);

    /** The canonical JWKS after a change to its parsed members. */
    @SuppressWarnings("unchecked")
    static byte[] mutate(byte[] jwks, Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> top = JSONObjectUtils.parse(new String(jwks, StandardCharsets.US_ASCII));
        top.put("keys", new ArrayList<>((List<Object>) top.get("keys")));
        change.accept(top);
        return CanonicalJson.write(top).getBytes(StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> key(Map<String, Object> top, int index) {
        return (Map<String, Object>) ((List<Object>) top.get("keys")).get(index);
    }

    private static void refused(byte[] jwks) {
        assertEquals(
                ErrorCode.BUNDLE_MALFORMED,
                assertThrows(MalformedInputException.class, () -> TrustBundleJwks.parse(jwks))
                        .code());
    }

    @Test
    void aRenderedBundleParsesBackToTheSameValueAndTheSameBytes() {
        TrustBundle parsed = TrustBundleJwks.parse(JWKS);
        assertEquals(MIXED, parsed);
        assertArrayEquals(JWKS, TrustBundleJwks.render(parsed));
        TrustBundle again = bundle(42, next(EC.intermediate()), current(ED.intermediate()));
        assertArrayEquals(JWKS, TrustBundleJwks.render(again));
        for (KeyType type : KeyType.values()) {
            Hierarchy h = BundleFixtures.hierarchy(type);
            TrustBundle single = bundle(1, current(h.intermediate()), current(h.root()));
            assertArrayEquals(
                    TrustBundleJwks.render(single),
                    TrustBundleJwks.render(TrustBundleJwks.parse(TrustBundleJwks.render(single))));
        }
    }

    @Test
    void theMembersAreTheSpecifiedOnes() throws Exception {
        String text = new String(JWKS, StandardCharsets.US_ASCII);
        assertFalse(text.contains(" ") || text.contains("\n"));
        Map<String, Object> top = JSONObjectUtils.parse(text);
        assertEquals(1L, top.get("cairn_version"));
        assertEquals("demo.example", top.get("cairn_trust_domain"));
        assertEquals(42L, top.get("cairn_sequence"));
        assertEquals(300L, top.get("cairn_refresh_hint"));
        Map<String, Object> ed = key(top, 0);
        assertEquals("OKP", ed.get("kty"));
        assertEquals("Ed25519", ed.get("crv"));
        assertEquals("x509-ca", ed.get("use"));
        assertEquals("current", ed.get("cairn_status"));
        assertEquals(ED.key().verificationKey().kid().toBase64Url(), ed.get("kid"));
        Map<String, Object> ec = key(top, 1);
        assertEquals("EC", ec.get("kty"));
        assertEquals("P-256", ec.get("crv"));
        assertEquals("next", ec.get("cairn_status"));
        assertEquals(EC.key().verificationKey().kid().toBase64Url(), ec.get("kid"));
    }

    @Test
    void nimbusReadsTheJwksAndTheJdkReadsEachX5c() throws Exception {
        JWKSet set = JWKSet.parse(new String(JWKS, StandardCharsets.US_ASCII));
        assertEquals(2, set.getKeys().size());
        assertEquals(42L, ((Number) set.getAdditionalMembers().get("cairn_sequence")).longValue());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> expected = MIXED.certificates();
        for (int i = 0; i < 2; i++) {
            JWK jwk = set.getKeys().get(i);
            assertFalse(jwk.isPrivate());
            assertEquals("x509-ca", jwk.getKeyUse().identifier());
            byte[] der =
                    Base64.getDecoder().decode(jwk.getX509CertChain().get(0).toString());
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            assertEquals(expected.get(i), certificate);
            VerificationKey fromCertificate = JcaKeys.verificationKey(
                    SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
            if (jwk instanceof ECKey ec) {
                assertEquals(
                        fromCertificate,
                        JcaKeys.verificationKey(SubjectPublicKeyInfo.getInstance(
                                ec.toPublicKey().getEncoded())));
            } else {
                assertArrayEquals(fromCertificate.encoded().toByteArray(), ((OctetKeyPair) jwk).getDecodedX());
            }
        }
    }

    @Test
    void unknownMissingAndMistypedTopLevelMembersAreRefused() throws Exception {
        refused(mutate(JWKS, top -> top.put("cairn_extra", "x")));
        refused(mutate(JWKS, top -> top.put("spiffe_sequence", 42L)));
        for (String member :
                List.of("keys", "cairn_version", "cairn_trust_domain", "cairn_sequence", "cairn_refresh_hint")) {
            refused(mutate(JWKS, top -> top.remove(member)));
            refused(mutate(JWKS, top -> top.put(member, List.of())));
            refused(mutate(JWKS, top -> top.put(member, Map.of())));
        }
        refused(mutate(JWKS, top -> top.put("cairn_version", 2L)));
        refused(mutate(JWKS, top -> top.put("cairn_sequence", 0L)));
        refused(mutate(JWKS, top -> top.put("cairn_refresh_hint", 1L)));
        refused(mutate(JWKS, top -> top.put("cairn_trust_domain", "Demo.Example")));
        refused(mutate(JWKS, top -> top.put("keys", List.of())));
        refused(mutate(JWKS, top -> top.put("keys", List.of("x"))));
    }

    @Test
    void aJwkMustBeExactlyThePublicKeyOfItsCertificate() throws Exception {
        refused(mutate(JWKS, top -> key(top, 0).put("alg", "EdDSA")));
        refused(mutate(JWKS, top -> key(top, 1).put("d", key(top, 1).get("x"))));
        refused(mutate(JWKS, top -> key(top, 0).remove("x5c")));
        refused(mutate(JWKS, top -> key(top, 0).remove("kid")));
        refused(mutate(JWKS, top -> key(top, 0).put("use", "sig")));
        refused(mutate(JWKS, top -> key(top, 0).put("cairn_status", "retired")));
        refused(mutate(JWKS, top -> key(top, 0).put("kty", "RSA")));
        refused(mutate(JWKS, top -> key(top, 0).put("crv", "X25519")));
        refused(mutate(JWKS, top -> key(top, 0).put("kid", key(top, 1).get("kid"))));
        refused(mutate(JWKS, top -> key(top, 0).put("x5c", key(top, 1).get("x5c"))));
        refused(mutate(JWKS, top -> key(top, 0).put("x5c", List.of("AAAA"))));
        Object both = List.of(
                ((List<?>) key(JSONObjectUtils.parse(new String(JWKS, StandardCharsets.US_ASCII)), 0)
                                .get("x5c"))
                        .get(0),
                ((List<?>) key(JSONObjectUtils.parse(new String(JWKS, StandardCharsets.US_ASCII)), 1)
                                .get("x5c"))
                        .get(0));
        refused(mutate(JWKS, top -> key(top, 0).put("x5c", both)));
    }

    @Test
    void aKeyWhosePublicKeyIsNotItsCertificatesIsRefused() throws Exception {
        Hierarchy other = BundleFixtures.hierarchy(KeyType.ED25519);
        Map<String, Object> otherKey = key(
                JSONObjectUtils.parse(new String(
                        TrustBundleJwks.render(bundle(1, current(other.intermediate()))), StandardCharsets.US_ASCII)),
                0);
        refused(mutate(JWKS, top -> key(top, 0).put("x", otherKey.get("x"))));
        refused(mutate(JWKS, top -> {
            key(top, 0).put("x", otherKey.get("x"));
            key(top, 0).put("kid", otherKey.get("kid"));
        }));
        Hierarchy otherEc = BundleFixtures.hierarchy(KeyType.P256);
        Map<String, Object> otherEcKey = key(
                JSONObjectUtils.parse(new String(
                        TrustBundleJwks.render(bundle(1, current(otherEc.intermediate()))), StandardCharsets.US_ASCII)),
                0);
        refused(mutate(JWKS, top -> key(top, 1).put("y", otherEcKey.get("y"))));
        refused(mutate(JWKS, top -> {
            key(top, 1).put("x", otherEcKey.get("x"));
            key(top, 1).put("y", otherEcKey.get("y"));
        }));
    }

    @Test
    void onlyTheCanonicalSpellingIsAccepted() throws Exception {
        String text = new String(JWKS, StandardCharsets.US_ASCII);
        refused((" " + text).getBytes(StandardCharsets.US_ASCII));
        refused((text + "\n").getBytes(StandardCharsets.US_ASCII));
        refused(text.replace("\"cairn_sequence\":42", "\"cairn_sequence\":42.0").getBytes(StandardCharsets.US_ASCII));
        refused(text.replace("{\"cairn_refresh_hint\":300,", "{")
                .replace("\"keys\":", "\"cairn_refresh_hint\":300,\"keys\":")
                .getBytes(StandardCharsets.US_ASCII));
        refused(text.replace("\"demo.example\"", "\"demo\\u002eexample\"").getBytes(StandardCharsets.US_ASCII));
        refused(mutate(JWKS, top -> {
            @SuppressWarnings("unchecked")
            List<Object> keys = (List<Object>) top.get("keys");
            keys.add(keys.remove(0));
        }));
        refused(text.replace("\"cairn_version\":1,", "\"cairn_version\":1,\"cairn_version\":1,")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] nonAscii = text.replace("demo.example", "demo.exampl\u00e9").getBytes(StandardCharsets.UTF_8);
        refused(nonAscii);
        refused(new byte[0]);
        refused("[]".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theSizeLimitIsCheckedBeforeParsing() {
        byte[] big = new byte[TrustBundleJwks.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        refused(big);
    }
}
