package dev.cairn.verifier.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.FreshnessTier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an {@link AuditBundleVerifier} was configured with, frozen. */
record Rules(
        List<VerificationKey> keys,
        Set<Bytes> kids,
        Optional<TrustBundle> anchors,
        Optional<Revocations.Signed> revocation,
        FreshnessTier tier,
        LogId logId,
        List<CoseAlgorithm> algorithms,
        Clock clock,
        Duration maxSkew,
        StatementSignaturePolicy policy,
        int parallelism,
        ProgressListener listener) {
    /** The allowed algorithms, as the sdk-core builders take them. */
    CoseAlgorithm[] algorithmArray() {
        return algorithms.toArray(new CoseAlgorithm[0]);
    }
}
