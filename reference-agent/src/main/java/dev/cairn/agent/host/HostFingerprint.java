package dev.cairn.agent.host;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host fingerprint and the sources it was derived from ({@code spec/agent.md}, "Host binding").
 * Two fingerprints are the same host when their digests are equal; the sources only explain a
 * difference. Rendered as {@code sha256:<64 lowercase hex>}.
 *
 * @param digest the domain-separated SHA-256 of the canonical source encoding
 * @param sources the sources that went into it, in fingerprint order: {@link HostSource#OVERRIDE}
 *     alone, or {@link HostSource#MACHINE_ID} and/or {@link HostSource#DMI_PRODUCT_UUID} in that order
 */
public record HostFingerprint(Digest digest, List<HostSource> sources) {
    /** The text prefix of a fingerprint. */
    public static final String PREFIX = "sha256:";

    private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Checks the source list.
     *
     * @param digest the digest
     * @param sources the sources
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} if the sources are
     *     empty, repeated, out of order or mix the override with other sources
     */
    public HostFingerprint {
        Objects.requireNonNull(digest, "digest");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw malformed("a host fingerprint needs at least one source");
        }
        if (sources.contains(HostSource.OVERRIDE) && sources.size() != 1) {
            throw malformed("the override source stands alone, got " + sources);
        }
        for (int i = 1; i < sources.size(); i++) {
            if (sources.get(i - 1).ordinal() >= sources.get(i).ordinal()) {
                throw malformed("host sources must be distinct and in fingerprint order, got " + sources);
            }
        }
    }

    /**
     * Parses the text form.
     *
     * @param text {@code sha256:<64 lowercase hex>}
     * @param sources the sources recorded with it
     * @return the fingerprint
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} for any other text
     */
    public static HostFingerprint parse(String text, List<HostSource> sources) {
        if (!TEXT.matcher(text).matches()) {
            throw malformed("host fingerprint " + text + ", want sha256:<64 lowercase hex>");
        }
        return new HostFingerprint(Digest.fromHex(text.substring(PREFIX.length())), sources);
    }

    /**
     * Whether another fingerprint names the same host: equal digests.
     *
     * @param other the other fingerprint
     * @return {@code true} for the same host
     */
    public boolean sameHost(HostFingerprint other) {
        return digest.equals(other.digest);
    }

    /**
     * The source names, comma-separated, for messages.
     *
     * @return for example {@code machine-id,dmi-product-uuid}
     */
    public String sourceNames() {
        return String.join(",", sources.stream().map(HostSource::wireName).toList());
    }

    /**
     * The text form.
     *
     * @return {@code sha256:<64 lowercase hex>}
     */
    @Override
    public String toString() {
        return PREFIX + digest.toHex();
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.AGENT_STATE_MALFORMED, message);
    }
}
