package dev.cairn.benchmarks;

import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.List;

/**
 * sigstore-java 1.3.0's RFC 9162 inclusion check, the peer baseline of {@link Rfc9162Benchmark}. In
 * that release it is the private {@code RekorVerifier.verifyInclusionProof(RekorEntry)} (there is no
 * public {@code InclusionProofVerifier} class): it hashes the entry body as a leaf, walks the
 * hex-encoded audit path with RFC 9162's algorithm and compares the hex root. It is reached here
 * through one method handle, taken once; the entry is a minimal {@link RekorEntry} holding exactly
 * what the method reads.
 */
final class SigstoreInclusion {
    private final RekorVerifier verifier = RekorVerifier.newRekorVerifier(List.of());
    private final MethodHandle verifyInclusionProof;

    SigstoreInclusion() {
        try {
            Method method = RekorVerifier.class.getDeclaredMethod("verifyInclusionProof", RekorEntry.class);
            method.setAccessible(true);
            verifyInclusionProof = MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sigstore-java's inclusion check not found", e);
        }
    }

    /**
     * Runs sigstore-java's check; it throws {@code RekorVerificationException} if the proof fails.
     *
     * @param entry the entry with its inclusion proof
     */
    void verify(RekorEntry entry) {
        try {
            verifyInclusionProof.invoke(verifier, entry);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sigstore-java rejected the proof", e);
        }
    }

    /**
     * A Rekor entry holding only what the inclusion check reads: the base64 body (the leaf data) and an
     * inclusion proof with hex hashes.
     *
     * @param body the leaf data, standard base64
     * @param logIndex the leaf index
     * @param treeSize the tree size
     * @param hashes the audit path, lowercase hex
     * @param rootHash the root, lowercase hex
     * @return the entry
     */
    static RekorEntry entry(String body, long logIndex, long treeSize, List<String> hashes, String rootHash) {
        RekorEntry.InclusionProof proof = new RekorEntry.InclusionProof() {
            @Override
            public List<String> getHashes() {
                return hashes;
            }

            @Override
            public Long getLogIndex() {
                return logIndex;
            }

            @Override
            public String getRootHash() {
                return rootHash;
            }

            @Override
            public Long getTreeSize() {
                return treeSize;
            }

            @Override
            public String getCheckpoint() {
                return "";
            }
        };
        RekorEntry.Verification verification = new RekorEntry.Verification() {
            @Override
            public String getSignedEntryTimestamp() {
                return "";
            }

            @Override
            public RekorEntry.InclusionProof getInclusionProof() {
                return proof;
            }
        };
        return new RekorEntry() {
            @Override
            public String getBody() {
                return body;
            }

            @Override
            public long getIntegratedTime() {
                return 0;
            }

            @Override
            public String getLogID() {
                return "";
            }

            @Override
            public long getLogIndex() {
                return logIndex;
            }

            @Override
            public RekorEntry.Verification getVerification() {
                return verification;
            }
        };
    }
}
