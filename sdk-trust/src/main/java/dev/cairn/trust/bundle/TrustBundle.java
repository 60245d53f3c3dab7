package dev.cairn.trust.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.identity.TrustDomain;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The CA certificates of one trust domain that relying parties accept, current and next, with a
 * monotonic sequence and a refresh hint ({@code spec/trust-bundle.md}).
 *
 * <p>The entries are kept CURRENT first, then NEXT, each group in the order given. No two entries
 * share a key, so each CA is named by its key's derived kid. Nothing here is authenticated: a bundle
 * read from bytes is trusted only if it came out of band or through {@link TrustBundleState#update}.
 *
 * @param trustDomain the trust domain whose CAs these are
 * @param sequence the bundle's sequence, at least 1; a newer bundle has a greater one
 * @param refreshHint how often relying parties should fetch the bundle again: whole seconds within
 *     {@link #MIN_REFRESH_HINT} and {@link #MAX_REFRESH_HINT}
 * @param entries 1 to {@link #MAX_ENTRIES} CA certificates, at least one of them current
 */
public record TrustBundle(TrustDomain trustDomain, long sequence, Duration refreshHint, List<CaEntry> entries) {
    /** Most CA certificates in one bundle. */
    public static final int MAX_ENTRIES = 16;

    /** Shortest refresh hint. */
    public static final Duration MIN_REFRESH_HINT = Duration.ofSeconds(10);

    /** Longest refresh hint. */
    public static final Duration MAX_REFRESH_HINT = Duration.ofDays(1);

    /**
     * Checks the limits and orders the entries.
     *
     * @param trustDomain the trust domain
     * @param sequence the sequence, at least 1
     * @param refreshHint the refresh hint
     * @param entries the CA entries
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} if a limit is broken, no entry
     *     is current, or two entries have the same key
     */
    public TrustBundle {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(refreshHint, "refreshHint");
        Objects.requireNonNull(entries, "entries");
        if (sequence < 1) {
            throw BundleErrors.malformed("sequence " + sequence + ", want at least 1");
        }
        if (refreshHint.getNano() != 0
                || refreshHint.compareTo(MIN_REFRESH_HINT) < 0
                || refreshHint.compareTo(MAX_REFRESH_HINT) > 0) {
            throw BundleErrors.malformed("refresh hint " + refreshHint + ", want whole seconds within "
                    + MIN_REFRESH_HINT + " .. " + MAX_REFRESH_HINT);
        }
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw BundleErrors.malformed(entries.size() + " CA entries, want 1 to " + MAX_ENTRIES);
        }
        List<CaEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(CaEntry::status));
        if (ordered.get(0).status() != CaStatus.CURRENT) {
            throw BundleErrors.malformed("no current CA");
        }
        Set<Bytes> kids = new HashSet<>();
        for (CaEntry entry : ordered) {
            if (!kids.add(entry.key().kid())) {
                throw BundleErrors.malformed(
                        "two CA entries have the key " + entry.key().kid().toBase64Url());
            }
        }
        entries = List.copyOf(ordered);
    }

    /**
     * Every CA certificate, current first: the TLS trust anchors of the trust domain.
     *
     * @return an unmodifiable list
     */
    public List<X509Certificate> certificates() {
        return entries.stream().map(CaEntry::certificate).toList();
    }

    /**
     * The CA certificates of one status.
     *
     * @param status the status
     * @return an unmodifiable list, possibly empty
     */
    public List<X509Certificate> certificates(CaStatus status) {
        return entries.stream()
                .filter(e -> e.status() == status)
                .map(CaEntry::certificate)
                .toList();
    }

    /**
     * The CA public keys as sdk-core verification keys, current first: the keys a signed bundle may be
     * signed with ({@link TrustBundleState}).
     *
     * @return the key set
     */
    public KeySet keys() {
        List<VerificationKey> keys = entries.stream().map(CaEntry::key).toList();
        return KeySet.of(keys);
    }
}
