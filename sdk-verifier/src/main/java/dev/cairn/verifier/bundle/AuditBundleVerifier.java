package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.AuditBundleItem;
import dev.cairn.audit.AuditBundleReader;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an audit bundle offline, streaming, in parallel and with bounded memory ({@code
 * spec/audit-bundle.md}), trusting nothing of the exporter but the maths: only the keys, kids or
 * trust bundle the auditor configured, and log keys the bundle carries a certificate chain for
 * only as far as that chain verifies against the trust bundle.
 *
 * <p>Security guarantees: a returned {@link VerifiedAuditBundle} means that a trusted key signed the
 * covering checkpoint (and each older one, each proven consistent with the next), that the range's
 * markers are exactly the leaves {@code first .. first + count - 1} of the MMR that checkpoint
 * commits to, that they form one hash chain from the marker before the range, and that every
 * receipt's statement is the one its marker records, for this log, at its sequence, no later than
 * the checkpoint. Statements by the checkpoint's signer in its exact header form are proven by the
 * checkpoint's signature through the hashes; every other statement's signature is verified (all of
 * them under {@link StatementSignaturePolicy#VERIFY_ALL}). Not guaranteed: anything about markers
 * outside the range, or about the statements' meaning.
 *
 * <p>Memory: a fixed pool of 320 KiB chunks (two per thread and two spare), the header (at most 4
 * MiB) and at most 62 MMR peaks, whatever the bundle's size. Threads: the caller's reads; {@code
 * parallelism} workers decode, hash and check, and integrate in order. The first failure in bundle
 * order is thrown, a coded {@link CairnException} with the failing sequence in its details for an
 * entry; nothing is returned as a boolean. Thread-safe once built; each call uses its own threads.
 */
public final class AuditBundleVerifier {
    private final Rules rules;

    private AuditBundleVerifier(Rules rules) {
        this.rules = rules;
    }

    /**
     * Starts a verifier.
     *
     * @return a builder; the log id and at least one source of trusted keys are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a bundle file.
     *
     * @param bundle the file
     * @return the verified bundle
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if the file cannot be read
     */
    public VerifiedAuditBundle verify(Path bundle) {
        InputStream in;
        try {
            in = Files.isRegularFile(bundle) ? new MappedFileInput(bundle) : Files.newInputStream(bundle);
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "opening " + bundle + ": " + e, e);
        }
        return verify(in);
    }

    /**
     * Verifies a bundle read from a stream, which is closed afterwards.
     *
     * @param in the bundle's bytes
     * @return the verified bundle
     */
    public VerifiedAuditBundle verify(InputStream in) {
        try (AuditBundleReader reader = AuditBundleReader.open(in)) {
            AuditBundleHeader header = reader.header();
            HeaderCheck.Plan plan = HeaderCheck.verify(header, rules);
            StatementContext ctx = new StatementContext(rules, plan.trusted(), plan.certified(), plan.checkpoint());
            Pipeline.Result range = new Pipeline(reader, plan, ctx, rules).run();
            AuditBundleTrailer trailer = trailer(reader, header);
            reader.requireEnd();
            Accumulator target = plan.checkpoint().checkpoint().accumulator();
            if (plan.endProof().isPresent()) {
                MmrVerifier.verifyConsistency(plan.endProof().get(), range.end(), target);
            } else if (!range.end().equals(target)) {
                throw VerificationException.mismatch(ErrorCode.MMR_PROOF_INVALID, peaks(target), peaks(range.end()));
            }
            if (trailer.count() != header.count()) {
                throw Failures.malformed("trailer count " + trailer.count() + ", want " + header.count());
            }
            if (!trailer.digest().equals(AuditBundleTrailer.digest(reader.headerItem(), range.head()))) {
                throw Failures.malformed("the trailer digest does not cover this header and range");
            }
            return new VerifiedAuditBundle(
                    header.logId(),
                    header.first(),
                    header.count(),
                    range.receipts(),
                    plan.checkpoint(),
                    plan.signerIdentity(),
                    plan.older(),
                    range.head(),
                    plan.signatures() + range.signatures() + plan.certified().signatures());
        } catch (CairnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "verifying an audit bundle: " + e, e);
        }
    }

    private static AuditBundleTrailer trailer(AuditBundleReader reader, AuditBundleHeader header) {
        byte[] frame = new byte[AuditBundleFormat.MAX_ENTRY_BYTES];
        int length = reader.readFrame(frame, 0, frame.length);
        if (length < 0) {
            throw Failures.incomplete("the bundle ends after its " + header.count() + " entries, without a trailer");
        }
        AuditBundleItem item;
        try {
            item = AuditBundleItem.decode(Arrays.copyOf(frame, length));
        } catch (CairnException e) {
            throw Failures.malformed("the item after the last entry is not a trailer", e);
        }
        if (item instanceof AuditBundleEntry) {
            throw Failures.malformed("more entries than the header's count of " + header.count());
        }
        return (AuditBundleTrailer) item;
    }

    private static String peaks(Accumulator accumulator) {
        return accumulator.size() + ":" + accumulator.peaks();
    }

    /** Sets the expectations; see the class description. */
    public static final class Builder {
        private final List<VerificationKey> keys = new ArrayList<>();
        private final Set<Bytes> kids = new HashSet<>();
        private TrustBundle anchors;
        private Revocations.Signed revocation;
        private FreshnessTier tier = FreshnessTier.SAFE;
        private LogId logId;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = Duration.ofMinutes(5);
        private StatementSignaturePolicy policy = StatementSignaturePolicy.VERIFY_OTHER_SIGNERS;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private ProgressListener listener;

        private Builder() {}

        /**
         * Trusts these keys to sign the log's checkpoints and statements.
         *
         * @param trusted keys obtained out of band
         * @return this builder
         */
        public Builder trustedLogKeys(KeySet trusted) {
            keys.addAll(trusted.keys());
            return this;
        }

        /**
         * Trusts the log keys the bundle carries whose kid ({@code spec/cose.md}) is one of these: for
         * an auditor who holds only the keys' fingerprints. A kid names one key.
         *
         * @param trusted 32-byte kids obtained out of band
         * @return this builder
         */
        public Builder trustedLogKeyIds(Collection<Bytes> trusted) {
            trusted.forEach(kid -> {
                if (kid.length() != 32) {
                    throw new IllegalArgumentException("a kid is 32 bytes, got " + kid.length());
                }
                kids.add(kid);
            });
            return this;
        }

        /**
         * Trusts the CA keys of a trust bundle: the one given, after the signed trust bundles the audit
         * bundle carries are applied in order under {@code spec/trust-bundle.md}'s update rules. As for
         * revocation heads, the trust domain's CA keys sign for its logs; the expected log id must then
         * lie in the bundle's trust domain ({@code <trust-domain>/...}). The log keys whose certificate
         * chain the audit bundle carries join too: a signature by one counts only when a chain of it
         * verifies against this bundle, for the {@code LOG_SIGNER} profile and the log's identity {@code
         * cairn://<trust-domain>/log/<log-name>}, valid at the time the signed checkpoint or statement
         * states, and not revoked under the carried (or {@link #revocation given}) head, fresh for the
         * {@link #tier} by this verifier's clock.
         *
         * @param held a trust bundle obtained out of band
         * @return this builder
         */
        public Builder trustAnchors(TrustBundle held) {
            this.anchors = Objects.requireNonNull(held);
            return this;
        }

        /**
         * A signed revocation head obtained out of band, with its chain, for the certified log keys
         * ({@code spec/audit-bundle.md}, "Trust"): so that a bundle whose own head is no longer fresh
         * verifies, and a revocation since the export is seen. It is verified, like the head the bundle
         * carries, against the trust bundle held after the bundle's updates; of the two, the newer
         * decides, and they must be of one chain. Needs {@link #trustAnchors}.
         *
         * @param signedHead the signed head ({@code spec/revocation.md}, section 3)
         * @param allEntries the entries from index 0 up to the head's size
         * @return this builder
         */
        public Builder revocation(byte[] signedHead, List<RevocationEntry> allEntries) {
            this.revocation = new Revocations.Signed(Bytes.copyOf(signedHead), allEntries);
            return this;
        }

        /**
         * The freshness tier the revocation head must be fresh for, by this verifier's clock, when a
         * certified log key signed ({@code spec/revocation.md}, section 5); {@link FreshnessTier#SAFE}
         * (24 hours) unless set: verifying a bundle is a read.
         *
         * @param tier the tier
         * @return this builder
         */
        public Builder tier(FreshnessTier tier) {
            this.tier = Objects.requireNonNull(tier);
            return this;
        }

        /**
         * The log the bundle must be of. Required.
         *
         * @param logId the expected log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId);
            return this;
        }

        /**
         * Restricts the signature algorithms; by default both Cairn algorithms are accepted.
         *
         * @param allowed the allowed algorithms, at least one
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... allowed) {
            if (allowed.length == 0) {
                throw new IllegalArgumentException("allow at least one algorithm");
            }
            this.algorithms = allowed.clone();
            return this;
        }

        /**
         * The clock that says what "now" is; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How far in the future a checkpoint's time may lie; five minutes by default.
         *
         * @param skew the allowed skew, not negative
         * @return this builder
         */
        public Builder maxClockSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("skew must not be negative");
            }
            this.maxSkew = skew;
            return this;
        }

        /**
         * Which statement signatures to verify; {@link StatementSignaturePolicy#VERIFY_OTHER_SIGNERS} by
         * default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder statementSignatures(StatementSignaturePolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * How many worker threads check entries; the number of available processors by default.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * Receives progress, for example to draw a progress bar; none by default.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the log id or every source of trusted keys is missing, the
         *     log id is outside the trust anchors' trust domain, or a revocation head is given without
         *     trust anchors
         */
        public AuditBundleVerifier build() {
            Objects.requireNonNull(logId, "expectLogId is required");
            if (keys.isEmpty() && kids.isEmpty() && anchors == null) {
                throw new IllegalStateException("set trustedLogKeys, trustedLogKeyIds or trustAnchors");
            }
            if (anchors != null
                    && !logId.value().startsWith(anchors.trustDomain().name() + "/")) {
                throw new IllegalStateException("log " + logId + " is not in the trust domain "
                        + anchors.trustDomain().name());
            }
            if (revocation != null && anchors == null) {
                throw new IllegalStateException("a revocation head needs trustAnchors");
            }
            return new AuditBundleVerifier(new Rules(
                    List.copyOf(keys),
                    Set.copyOf(kids),
                    Optional.ofNullable(anchors),
                    Optional.ofNullable(revocation),
                    tier,
                    logId,
                    List.of(algorithms),
                    clock,
                    maxSkew,
                    policy,
                    parallelism,
                    listener));
        }
    }
}
