package dev.cairn.agent.client;

import dev.cairn.agent.json.JsonFields;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.identity.CairnId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node certificate as an approved poll and a renewal return it ({@code spec/enrollment.md} section
 * 4): {@code identity}, {@code serial} (lowercase hex), {@code not_after}, {@code certificate_chain}
 * (PEM: leaf, intermediate, root) and {@code trust_bundle} (canonical JWKS). Decoded strictly; that
 * the certificate is for the agent's key and leads to the pinned root is checked by the caller
 * ({@code dev.cairn.agent.enroll.IssuedCheck}).
 *
 * @param identity the node's identity
 * @param serial the certificate's serial
 * @param notAfter its expiry, as the server states it
 * @param chain the chain, leaf first
 * @param trustBundle the server's current trust bundle
 */
public record NodeCertificate(
        CairnId identity, BigInteger serial, Instant notAfter, List<X509Certificate> chain, TrustBundle trustBundle) {
    /** The members of a certificate answer, in wire names. */
    static final List<String> MEMBERS = List.of("identity", "serial", "not_after", "certificate_chain", "trust_bundle");

    private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");

    /**
     * Checks the members are present and copies the chain.
     *
     * @param identity the identity
     * @param serial the serial
     * @param notAfter the expiry
     * @param chain the chain
     * @param trustBundle the bundle
     */
    public NodeCertificate {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(trustBundle, "trustBundle");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate answer has at least the leaf");
        }
    }

    /**
     * Parses a renewal answer: exactly the certificate members.
     *
     * @param json the body
     * @return the certificate
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED}
     */
    public static NodeCertificate parse(byte[] json) {
        JsonFields fields = Wire.parse(json, "renewal answer");
        NodeCertificate certificate = read(fields);
        fields.end();
        return certificate;
    }

    /** Reads the certificate members of an object (the caller ends it). */
    static NodeCertificate read(JsonFields fields) {
        CairnId identity;
        try {
            identity = CairnId.parse(fields.text("identity"));
        } catch (CairnException e) {
            throw fields.invalid("identity", "a canonical cairn:// identity");
        }
        String serial = fields.text("serial");
        if (!SERIAL.matcher(serial).matches() || (serial.length() > 1 && serial.startsWith("0"))) {
            throw fields.invalid("serial", "lowercase hex without leading zeros");
        }
        Instant notAfter = fields.instant("not_after");
        List<X509Certificate> chain = PemCertificates.parse(fields.text("certificate_chain"), "certificate_chain");
        TrustBundle bundle;
        try {
            bundle = TrustBundleJwks.parse(fields.text("trust_bundle").getBytes(StandardCharsets.UTF_8));
        } catch (CairnException e) {
            throw new MalformedInputException(
                    ErrorCode.AGENT_SERVER_ANSWER_MALFORMED,
                    "trust_bundle: " + e.getMessage(),
                    -1,
                    Map.of("path", "$.trust_bundle"),
                    e);
        }
        return new NodeCertificate(identity, new BigInteger(serial, 16), notAfter, chain, bundle);
    }
}
