package dev.cairn.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.util.Objects;

/**
 * The last item of an audit bundle ({@code spec/audit-bundle.md}, "Trailer"): the number of entries
 * and a digest that commits to every item before it. The digest hashes the header item and the hash
 * of the range's last marker, which itself commits to every entry through the hash chain: so the
 * trailer covers the whole bundle at the cost of hashing the header once. It is an integrity check,
 * not an authentication: anyone can compute it.
 *
 * @param count the number of entries, as the header states
 * @param digest {@code DomainHash("cairn/audit-bundle/v1", header item || hash of the last marker)}
 */
public record AuditBundleTrailer(long count, Digest digest) implements AuditBundleItem {
    /**
     * Validates the components.
     *
     * @param count the number of entries, at least 1
     * @param digest the digest
     */
    public AuditBundleTrailer {
        Objects.requireNonNull(digest, "digest");
        if (count < 1) {
            throw new IllegalArgumentException("a bundle has at least one entry");
        }
    }

    /**
     * Computes the trailer digest.
     *
     * @param headerItem the bytes of the header frame
     * @param head the hash of the range's last marker
     * @return the digest the trailer carries
     */
    public static Digest digest(byte[] headerItem, Digest head) {
        return DomainHash.start(HashDomain.AUDIT_BUNDLE)
                .update(headerItem)
                .update(head.toByteArray())
                .finish();
    }

    @Override
    public byte[] encode() {
        return Cbor.encode(CborArray.of(CborInt.of(count), new CborBytes(digest.bytes())));
    }

    static AuditBundleTrailer of(CborArray a) {
        long count = Items.uint(a.get(0), "trailer count");
        if (count < 1) {
            throw BundleErrors.malformed("trailer count 0, want at least 1");
        }
        return new AuditBundleTrailer(count, Items.hash(a.get(1), "trailer digest"));
    }
}
