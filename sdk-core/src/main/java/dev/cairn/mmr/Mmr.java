package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.internal.NodeHasher;
import dev.cairn.mmr.internal.ProofCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle Mountain Range over a {@link NodeStore}: the log's tree, with SHA-256 interior nodes that
 * commit to their position ({@code spec/mmr.md}, draft-bryce-cose-receipts-mmr-profile, {@code
 * MMR_SHA256}).
 *
 * <p>Lifecycle, in Tessera's verbs: a marker is <em>sequenced</em> when the marker stream appends it
 * durably; {@link #append(Digest)} <em>integrates</em> its hash into the tree; a checkpointer
 * <em>publishes</em> the resulting {@link #accumulator()} in a signed checkpoint. The MMR is derived
 * state: it holds nothing the marker stream does not, and can always be rebuilt by appending the
 * stream's marker hashes, in sequence order, to an empty store.
 *
 * <p>Contract: {@code append} MUST be called with leaves in sequence order, each once. It returns
 * once the leaf and every interior node it completes are in the store and readable; they are durable
 * only after {@link #sync()}. A checkpointer MUST NOT publish a size before {@code sync()} returned
 * for it. After a crash the store holds a prefix of the nodes; {@link #open(NodeStore)} completes an
 * interrupted append, and the integrator then appends the leaves the stream has beyond {@link
 * #leafCount()}. Interior nodes are not domain separated (the profile fixes them); leaves are opaque
 * 32-byte values, in Cairn the domain-separated marker hashes.
 *
 * <p>Thread-safe: methods are synchronized, so proofs may be served while leaves are integrated.
 */
public final class Mmr implements MmrProofs {
    private final NodeStore store;
    /** Values of the current peaks, highest first: the accumulator, kept so appends never read. */
    private final List<Digest> peaks = new ArrayList<>();

    private long size;
    private long leaves;

    private Mmr(NodeStore store) {
        this.store = store;
    }

    /**
     * Opens the MMR a store holds. If the store ends inside an append (its size is not a valid MMR
     * size), the missing interior nodes are computed from the nodes present and appended, so that the
     * tree holds every leaf the store holds.
     *
     * @param store the node store, empty or holding a prefix of a tree's nodes
     * @return the MMR
     * @throws InternalException {@code INTERNAL_IO} if the store fails
     */
    public static Mmr open(NodeStore store) {
        Mmr mmr = new Mmr(Objects.requireNonNull(store, "store"));
        synchronized (mmr) {
            mmr.load();
        }
        return mmr;
    }

    private void load() {
        size = store.size();
        NodeHasher hasher = NodeHasher.get();
        while (!MmrMath.isValidSize(size)) {
            int g = MmrMath.height(size);
            Digest parent = hasher.parent(size + 1, store.get(size - (1L << g)), store.get(size - 1));
            put(parent);
        }
        leaves = MmrMath.leafCount(size);
        for (long peak : MmrMath.peaks(size)) {
            peaks.add(store.get(peak));
        }
    }

    /**
     * Integrates a leaf: appends it and every interior node it completes.
     *
     * @param leaf the leaf value, in Cairn a marker hash
     * @return the node index of the leaf, which inclusion proofs name
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the MMR is full ({@link
     *     MmrMath#MAX_LEAVES})
     * @throws InternalException {@code INTERNAL_IO} if the store fails
     */
    public synchronized long append(Digest leaf) {
        return integrate(leaf, NodeHasher.get());
    }

    /**
     * Integrates a batch of leaves, in order, as {@link #append(Digest)} would one by one, holding the
     * lock once. If a leaf fails (the store fails, the MMR is full), the leaves before it stay
     * integrated.
     *
     * @param batch the leaf values, in sequence order
     * @return the node index of the first leaf of the batch; leaf {@code k} of the batch has index
     *     {@code MmrMath.leafIndex(leafCount() before the call + k)}
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the MMR becomes full, or
     *     the batch is empty
     * @throws InternalException {@code INTERNAL_IO} if the store fails
     */
    public synchronized long append(List<Digest> batch) {
        if (batch.isEmpty()) {
            throw new MalformedInputException(ErrorCode.MMR_SIZE_INVALID, "empty batch of leaves");
        }
        NodeHasher hasher = NodeHasher.get();
        long first = size;
        for (Digest leaf : batch) {
            integrate(leaf, hasher);
        }
        return first;
    }

    private long integrate(Digest leaf, NodeHasher hasher) {
        Objects.requireNonNull(leaf, "leaf");
        long index = MmrMath.leafIndex(leaves);
        put(leaf);
        peaks.add(leaf);
        leaves++;
        for (int merges = Long.numberOfTrailingZeros(leaves); merges > 0; merges--) {
            Digest right = peaks.remove(peaks.size() - 1);
            Digest left = peaks.remove(peaks.size() - 1);
            Digest parent = hasher.parent(size + 1, left, right);
            put(parent);
            peaks.add(parent);
        }
        return index;
    }

    private void put(Digest node) {
        long at = store.append(node);
        if (at != size) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG, "node store appended at " + at + ", want " + size, null);
        }
        size++;
    }

    /**
     * Makes every integrated node durable.
     *
     * @throws InternalException {@code INTERNAL_IO} if the store fails
     */
    public synchronized void sync() {
        store.sync();
    }

    /**
     * The current size: the number of nodes, always a valid MMR size.
     *
     * @return the size
     */
    @Override
    public synchronized long size() {
        return size;
    }

    /**
     * The number of leaves integrated.
     *
     * @return the leaf count
     */
    public synchronized long leafCount() {
        return leaves;
    }

    /**
     * The current accumulator.
     *
     * @return the size and peaks
     */
    public synchronized Accumulator accumulator() {
        return new Accumulator(size, peaks);
    }

    /**
     * The accumulator of an earlier size.
     *
     * @param size a valid MMR size not above {@link #size()}
     * @return the size and its peaks
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or
     *     larger than the tree
     */
    @Override
    public synchronized Accumulator accumulator(long size) {
        requireSize(size);
        List<Digest> values = new ArrayList<>();
        for (long peak : MmrMath.peaks(size)) {
            values.add(store.get(peak));
        }
        return new Accumulator(size, values);
    }

    /**
     * Reads one node.
     *
     * @param index a node index below {@link #size()}
     * @return its value
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if outside the tree
     */
    public synchronized Digest node(long index) {
        return store.get(MmrMath.requireIndex(index, size));
    }

    /**
     * Proves a node's inclusion in the MMR of an earlier or the current size.
     *
     * @param index the node index, usually one {@link #append(Digest)} returned
     * @param size a valid MMR size above {@code index} and not above {@link #size()}
     * @return the proof, leading to one peak of {@code accumulator(size)}
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or larger
     *     than the tree, or the index not below it
     */
    @Override
    public synchronized InclusionProof inclusionProof(long index, long size) {
        requireSize(size);
        return new InclusionProof(index, values(MmrMath.inclusionPath(index, size)));
    }

    /**
     * Proves that the MMR of {@code size1} is a prefix of the MMR of {@code size2}.
     *
     * @param size1 a valid MMR size, possibly 0
     * @param size2 a valid MMR size above {@code size1} and not above {@link #size()}
     * @return the proof
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if a size is invalid or larger
     *     than the tree; {@link ErrorCode#MMR_PROOF_MALFORMED} if {@code size1 >= size2}
     */
    @Override
    public synchronized ConsistencyProof consistencyProof(long size1, long size2) {
        requireSize(size2);
        MmrMath.requireValidSize(size1);
        if (size1 >= size2) {
            throw ProofCodec.malformed("sizes must increase: " + size1 + " -> " + size2);
        }
        long[] fromPeaks = MmrMath.peaks(size1);
        List<List<Digest>> paths = new ArrayList<>(fromPeaks.length);
        for (long peak : fromPeaks) {
            paths.add(values(MmrMath.inclusionPath(peak, size2)));
        }
        long[] toPeaks = MmrMath.peaks(size2);
        int reached = fromPeaks.length == 0 ? 0 : MmrMath.peakOf(fromPeaks[fromPeaks.length - 1], size2) + 1;
        List<Digest> right = new ArrayList<>(toPeaks.length - reached);
        for (int k = reached; k < toPeaks.length; k++) {
            right.add(store.get(toPeaks[k]));
        }
        return new ConsistencyProof(size1, size2, paths, right);
    }

    private void requireSize(long wanted) {
        MmrMath.requireValidSize(wanted);
        if (wanted > size) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "MMR size " + wanted + " is beyond the tree's size " + size);
        }
    }

    private List<Digest> values(long[] indices) {
        List<Digest> values = new ArrayList<>(indices.length);
        for (long index : indices) {
            values.add(store.get(index));
        }
        return values;
    }
}
