package dev.cairn.trust.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.Map;
import java.util.Objects;

/**
 * A relying party's trust bundle: the one it holds, and the only way to replace it
 * ({@code spec/trust-bundle.md}, "Updating").
 *
 * <p>Security guarantees: the held bundle starts as one obtained out of band, and afterwards changes
 * only to a bundle that was signed by a CA key of the bundle held at that moment, is for the same
 * trust domain, and has a strictly greater sequence. The held sequence therefore never decreases. A
 * failed update changes nothing. It does not check certificate validity periods or revocation: the
 * bundle says which CAs are anchors, path validation does the rest.
 *
 * <p>Thread-safe: {@link #current()} never blocks; updates are serialised, so each one is checked
 * against the bundle it replaces.
 */
public final class TrustBundleState {
    /** Largest signed bundle accepted: the JWKS limit plus room for the COSE envelope. */
    public static final int MAX_SIGNED_BYTES = TrustBundleJwks.MAX_BYTES + 1024;

    private static final CborLimits LIMITS = CborLimits.DEFAULT.withMaxInputBytes(MAX_SIGNED_BYTES);

    private final Object lock = new Object();
    private volatile Held held;

    /** The held bundle, its canonical JWKS and the signed bytes it came in (empty at first), swapped as one. */
    private record Held(TrustBundle bundle, Bytes jwks, Bytes signed) {}

    /**
     * Starts from a bundle obtained out of band (configuration, enrolment), which is trusted as given.
     *
     * @param initial the first bundle
     */
    public TrustBundleState(TrustBundle initial) {
        Objects.requireNonNull(initial, "initial");
        this.held = new Held(initial, Bytes.copyOf(TrustBundleJwks.render(initial)), Bytes.empty());
    }

    /**
     * The bundle held now.
     *
     * @return the bundle
     */
    public TrustBundle current() {
        return held.bundle();
    }

    /**
     * Replaces the held bundle with a newer signed one, after these checks in order: size; the
     * COSE_Sign1 verifies with the content type {@value TrustBundleSigner#CONTENT_TYPE} under a key of
     * the held bundle chosen by kid; the payload parses strictly; same trust domain; the sequence is
     * greater than the held one.
     *
     * <p>Two replays return the held bundle unchanged: the very bytes last accepted (checked first,
     * since the bundle they carry may no longer hold the key that signed them, as after a CA is
     * retired), and a verified bundle with the held sequence and the held JWKS bytes.
     *
     * @param signedBundle the tagged COSE_Sign1 bytes
     * @return the bundle held afterwards: the new one, or the held one for a replay
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} for bytes that are not a
     *     COSE_Sign1 or whose payload is not a canonical JWKS bundle
     * @throws VerificationException {@link ErrorCode#BUNDLE_SIGNER_UNTRUSTED} if no CA key of the held
     *     bundle signed it (unknown kid, bad signature, wrong content type or algorithm); {@link
     *     ErrorCode#BUNDLE_TRUST_DOMAIN_MISMATCH}; {@link ErrorCode#BUNDLE_ROLLBACK} for a lower
     *     sequence, or the held sequence with other bytes
     */
    public TrustBundle update(byte[] signedBundle) {
        Objects.requireNonNull(signedBundle, "signedBundle");
        if (signedBundle.length > MAX_SIGNED_BYTES) {
            throw BundleErrors.malformed(signedBundle.length + " signed bytes, want at most " + MAX_SIGNED_BYTES);
        }
        Bytes signed = Bytes.copyOf(signedBundle);
        synchronized (lock) {
            Held now = held;
            if (now.signed().length() > 0 && now.signed().equals(signed)) {
                return now.bundle();
            }
            byte[] jwks = verify(signed.toByteArray(), now.bundle());
            TrustBundle next = TrustBundleJwks.parse(jwks);
            if (!next.trustDomain().equals(now.bundle().trustDomain())) {
                throw VerificationException.mismatch(
                        ErrorCode.BUNDLE_TRUST_DOMAIN_MISMATCH,
                        now.bundle().trustDomain().name(),
                        next.trustDomain().name());
            }
            long sequence = now.bundle().sequence();
            if (next.sequence() == sequence && Bytes.copyOf(jwks).equals(now.jwks())) {
                return now.bundle();
            }
            if (next.sequence() <= sequence) {
                throw new VerificationException(
                        ErrorCode.BUNDLE_ROLLBACK,
                        "sequence " + next.sequence() + (next.sequence() == sequence ? " with other content" : "")
                                + ", want more than " + sequence,
                        Map.of("expected", "> " + sequence, "found", Long.toString(next.sequence())),
                        null);
            }
            held = new Held(next, Bytes.copyOf(jwks), signed);
            return next;
        }
    }

    private static byte[] verify(byte[] signedBundle, TrustBundle trusted) {
        CoseVerifier verifier = CoseVerifier.builder()
                .trustedKeys(trusted.keys())
                .expectContentType(TrustBundleSigner.CONTENT_TYPE)
                .allowAlgorithms(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256)
                .limits(LIMITS)
                .build();
        VerifiedSign1 verified;
        try {
            verified = verifier.verify(signedBundle);
        } catch (MalformedInputException e) {
            throw BundleErrors.malformed("not a COSE_Sign1: " + e.getMessage(), e);
        } catch (VerificationException e) {
            throw new VerificationException(
                    ErrorCode.BUNDLE_SIGNER_UNTRUSTED,
                    "not signed by a CA of the held bundle: " + e.getMessage(),
                    Map.of("cause", e.code().name()),
                    e);
        }
        return verified.payload().toByteArray();
    }
}
