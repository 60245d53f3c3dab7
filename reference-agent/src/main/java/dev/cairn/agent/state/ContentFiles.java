package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contents of a generation's files, rendered and parsed with sdk-trust's own formats. */
final class ContentFiles {
    private static final CborLimits HEAD_LIMITS =
            CborLimits.DEFAULT.withMaxInputBytes(RevocationHeadVerifier.MAX_SIGNED_BYTES);

    private ContentFiles() {}

    /** The chain as PEM {@code CERTIFICATE} blocks, the format of sdk-trust's certificate files. */
    static byte[] chain(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(certificate -> pem.append(IssuedCertificate.pem(certificate)));
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] bundle(TrustBundle bundle) {
        return TrustBundleJwks.render(bundle);
    }

    static TrustBundle bundle(byte[] jwks) {
        try {
            return TrustBundleJwks.parse(jwks);
        } catch (MalformedInputException e) {
            throw Invalid.file(StateJson.BUNDLE_FILE, e.getMessage(), e);
        }
    }

    /** The head's bytes, after checking they are one COSE_Sign1 within the head size limit. */
    static Bytes head(byte[] head) {
        try {
            CoseSign1.decode(head, HEAD_LIMITS);
        } catch (MalformedInputException e) {
            throw Invalid.file(StateJson.HEAD_FILE, e.getMessage(), e);
        }
        return Bytes.copyOf(head);
    }

    /**
     * The CSR of a pending state from its PEM file: a request that verifies (signature, key type), for
     * the state's key, and whose bytes are its canonical PEM.
     */
    static Csr csr(byte[] pem, VerificationKey key) {
        VerifiedCsr verified;
        try {
            verified = CsrVerifier.verify(pem);
        } catch (CairnException e) {
            throw Invalid.file(StateJson.CSR_FILE, e.getMessage(), e);
        }
        Csr csr = new Csr(verified.der());
        if (!verified.key().equals(key)) {
            throw Invalid.file(StateJson.CSR_FILE, "a request for another key than the state's", null);
        }
        if (!Arrays.equals(csr.pem().getBytes(StandardCharsets.US_ASCII), pem)) {
            throw Invalid.file(StateJson.CSR_FILE, "not the canonical PEM of its request", null);
        }
        return csr;
    }

    /** The files of a state other than its key, by name. */
    static Map<String, byte[]> of(AgentState state) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Optional<TrustBundle> bundle = Optional.empty();
        Optional<Bytes> head = Optional.empty();
        if (state instanceof ActiveState active) {
            files.put(StateJson.CHAIN_FILE, chain(active.chain()));
            bundle = Optional.of(active.trustBundle());
            head = active.revocationHead();
        } else if (state instanceof PendingState pending) {
            pending.csr().ifPresent(c -> files.put(StateJson.CSR_FILE, c.pem().getBytes(StandardCharsets.US_ASCII)));
            bundle = pending.trustBundle();
            head = pending.revocationHead();
        }
        bundle.ifPresent(b -> files.put(StateJson.BUNDLE_FILE, bundle(b)));
        head.ifPresent(h -> files.put(StateJson.HEAD_FILE, h.toByteArray()));
        return files;
    }
}
