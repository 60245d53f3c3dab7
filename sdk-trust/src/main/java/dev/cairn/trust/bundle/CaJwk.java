package dev.cairn.trust.bundle;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.Certificates;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One CA entry as a public JWK through Nimbus, and back, strictly. */
final class CaJwk {
    private static final KeyUse KEY_USE = new KeyUse(TrustBundleJwks.USE);
    private static final String STATUS = TrustBundleJwks.STATUS_MEMBER;
    private static final Set<String> OKP = Set.of("kty", "crv", "x", "kid", "use", "x5c", STATUS);
    private static final Set<String> EC = Set.of("kty", "crv", "x", "y", "kid", "use", "x5c", STATUS);

    private CaJwk() {}

    /** The entry's JWK members: the Nimbus JWK's, plus {@code cairn_status}. */
    static Map<String, Object> toJson(CaEntry entry) {
        Map<String, Object> json = new TreeMap<>(jwk(entry).toJSONObject());
        json.put(STATUS, entry.status().jsonName());
        return json;
    }

    private static JWK jwk(CaEntry entry) {
        VerificationKey key = entry.key();
        List<Base64> x5c;
        try {
            x5c = List.of(Base64.encode(entry.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "a parsed certificate does not encode", e);
        }
        Bytes encoded = key.encoded();
        String kid = key.kid().toBase64Url();
        if (key.type() == KeyType.ED25519) {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(encoded.toByteArray()))
                    .keyUse(KEY_USE)
                    .keyID(kid)
                    .x509CertChain(x5c)
                    .build();
        }
        return new ECKey.Builder(
                        Curve.P_256,
                        Base64URL.encode(encoded.slice(1, 33).toByteArray()),
                        Base64URL.encode(encoded.slice(33, 65).toByteArray()))
                .keyUse(KEY_USE)
                .keyID(kid)
                .x509CertChain(x5c)
                .build();
    }

    /** Reads one member of {@code keys}: its members, its key, its certificate, and that they agree. */
    static CaEntry fromJson(Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw BundleErrors.malformed("a key is not a JSON object");
        }
        Map<String, Object> json = new HashMap<>();
        raw.forEach((k, v) -> json.put((String) k, v));
        String kty = JsonMembers.string(json, "kty");
        JsonMembers.exactly(json, kty.equals("EC") ? EC : OKP, "a JWK of kty " + kty);
        CaStatus status = CaStatus.fromJsonName(JsonMembers.string(json, STATUS))
                .orElseThrow(() -> BundleErrors.malformed(STATUS + " must be current or next"));
        json.remove(STATUS);
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw BundleErrors.malformed("not a valid public JWK", e);
        }
        if (jwk.isPrivate() || !KEY_USE.equals(jwk.getKeyUse())) {
            throw BundleErrors.malformed("want a public JWK with use " + TrustBundleJwks.USE);
        }
        List<Base64> x5c = jwk.getX509CertChain();
        if (x5c == null || x5c.size() != 1) {
            throw BundleErrors.malformed("x5c must hold exactly the CA certificate");
        }
        X509Certificate certificate;
        try {
            certificate = Certificates.fromDer(x5c.get(0).decode());
        } catch (MalformedInputException e) {
            throw BundleErrors.malformed("x5c is not a certificate", e);
        }
        CaEntry entry = new CaEntry(certificate, status);
        if (!entry.key().equals(publicKey(jwk))) {
            throw BundleErrors.malformed("the JWK's public key is not its x5c certificate's key");
        }
        String kid = entry.key().kid().toBase64Url();
        if (!kid.equals(jwk.getKeyID())) {
            throw BundleErrors.malformed("kid " + jwk.getKeyID() + ", want the key's derived kid " + kid);
        }
        return entry;
    }

    private static VerificationKey publicKey(JWK jwk) {
        try {
            if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return VerificationKey.fromEncoded(KeyType.ED25519, okp.getX().decode());
            }
            if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                byte[] x = ec.getX().decode();
                byte[] y = ec.getY().decode();
                if (x.length != 32 || y.length != 32) {
                    throw BundleErrors.malformed("P-256 coordinates must be 32 bytes each");
                }
                byte[] point = new byte[65];
                point[0] = 0x04;
                System.arraycopy(x, 0, point, 1, 32);
                System.arraycopy(y, 0, point, 33, 32);
                return VerificationKey.fromEncoded(KeyType.P256, point);
            }
        } catch (CairnException e) {
            throw BundleErrors.malformed("invalid public key in a JWK", e);
        }
        throw BundleErrors.malformed("a JWK must be OKP Ed25519 or EC P-256");
    }
}
