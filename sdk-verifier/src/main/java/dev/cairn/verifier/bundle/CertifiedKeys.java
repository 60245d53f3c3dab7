package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateCodec;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.verifier.AnchorKeys;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The header's log keys whose certificate chain the bundle carries ({@code spec/audit-bundle.md},
 * "Trust", certified log keys). They join the trusted keys, but a signature by one that nothing else
 * makes trusted counts only once {@link #check} accepted a chain of that key at the time the signed
 * object states: issued by a CA of the trust bundle held, for the {@code LOG_SIGNER} profile, naming
 * the expected log's identity, valid then, and not revoked under a head fresh enough now. The chain
 * checks are sdk-trust's {@link PeerVerifier}'s. Thread-safe: statement workers call {@link #check}.
 */
final class CertifiedKeys {
    /** A bundle without certified keys, or a verifier without a trust bundle. */
    static final CertifiedKeys NONE = new CertifiedKeys(Map.of(), Set.of(), null, "", Optional.empty());

    private final Map<Bytes, List<List<X509Certificate>>> chains;
    private final Set<Bytes> trustedOtherwise;
    private final PeerVerifier peers;
    private final String logId;
    private final Optional<CairnId> logSigner;
    private final Set<X509Certificate> checked = ConcurrentHashMap.newKeySet();

    private CertifiedKeys(
            Map<Bytes, List<List<X509Certificate>>> chains,
            Set<Bytes> trustedOtherwise,
            PeerVerifier peers,
            String logId,
            Optional<CairnId> logSigner) {
        this.chains = chains;
        this.trustedOtherwise = trustedOtherwise;
        this.peers = peers;
        this.logId = logId;
        this.logSigner = logSigner;
    }

    /**
     * Reads the header's chains; checks their form and that each leaf's key is a log key of the header.
     *
     * @param trustedOtherwise the kids trusted by the auditor's keys, pinned kids and CA keys
     */
    static CertifiedKeys of(
            AuditBundleHeader header,
            Rules rules,
            TrustBundle bundle,
            RevocationState revocation,
            Set<Bytes> trustedOtherwise) {
        Map<Bytes, List<List<X509Certificate>>> chains = new LinkedHashMap<>();
        for (TrustMaterial material : header.trustMaterial()) {
            if (!material.type().equals(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN)) {
                continue;
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Bytes der : material.certificateChain()) {
                chain.add(CertificateCodec.fromDer(der.toByteArray()));
            }
            VerificationKey leafKey = AnchorKeys.fromCertificate(chain.get(0));
            if (!header.logKeys().contains(leafKey)) {
                throw Failures.malformed("a " + AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN + " certifies kid "
                        + leafKey.kid().toHex() + ", which is not a log key of the header");
            }
            chains.computeIfAbsent(leafKey.kid(), k -> new ArrayList<>()).add(List.copyOf(chain));
        }
        if (chains.isEmpty()) {
            return NONE;
        }
        Optional<CairnId> logSigner;
        try {
            logSigner = Optional.of(CairnId.forLog(rules.logId()));
        } catch (MalformedInputException e) {
            logSigner = Optional.empty();
        }
        PeerVerifier.Builder peers = PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(rules.tier())
                .role(PeerRole.LOG_SIGNER)
                .clock(rules.clock());
        logSigner.ifPresent(peers::expectId);
        return new CertifiedKeys(
                Map.copyOf(chains),
                Set.copyOf(trustedOtherwise),
                peers.build(),
                rules.logId().value(),
                logSigner);
    }

    /** The certified keys, to add to the trusted set. */
    List<VerificationKey> keys(AuditBundleHeader header) {
        List<VerificationKey> keys = new ArrayList<>();
        for (VerificationKey key : header.logKeys()) {
            if (chains.containsKey(key.kid())) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * Accepts a signature by a key at the time the signed object states.
     *
     * @return the identity of the first chain of the key that verifies at that time; empty if the
     *     key is trusted otherwise or carries no chain (nothing to check)
     * @throws CairnException the first chain's failure when none verifies
     */
    Optional<PeerIdentity> check(VerificationKey signer, Instant signedAt) {
        List<List<X509Certificate>> candidates = chains.get(signer.kid());
        if (candidates == null || trustedOtherwise.contains(signer.kid())) {
            return Optional.empty();
        }
        if (logSigner.isEmpty()) {
            throw VerificationException.mismatch(
                    ErrorCode.TLS_PEER_IDENTITY_INVALID,
                    "a log id <trust-domain>/<log-name> naming a log signer cairn://<trust-domain>/log/<log-name>",
                    logId);
        }
        CairnException first = null;
        for (List<X509Certificate> chain : candidates) {
            checked.add(chain.get(0));
            try {
                return Optional.of(peers.verifyAt(chain, signedAt));
            } catch (CairnException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    /** The certificate signatures checked so far: one per distinct leaf (sdk-trust remembers the rest). */
    long signatures() {
        return checked.size();
    }
}
