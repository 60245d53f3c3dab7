package dev.cairn.trust.revocation;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A point of a revocation chain: how many entries it has and its chain value after the last of them
 * ({@code spec/revocation.md}).
 *
 * <p>The value of the empty chain is {@link #GENESIS_VALUE}, 32 zero bytes; appending entry {@code
 * e} to a chain of value {@code v} gives {@code DomainHash("cairn/revocation/v1", v || encoded(e))}.
 * Because every value commits to all entries before it, a relying party that holds a position can
 * check that a range of entries extends it with {@link #extend(List)} or {@link #extendTo(List,
 * ChainPosition)}, without the earlier entries.
 *
 * @param size the number of entries
 * @param value the chain value after entry {@code size - 1}, or the genesis value when empty
 */
public record ChainPosition(long size, Digest value) {
    /** The chain value of the empty chain: 32 zero bytes. */
    public static final Digest GENESIS_VALUE = Digest.of(new byte[Digest.LENGTH]);

    /** The empty chain. */
    public static final ChainPosition GENESIS = new ChainPosition(0, GENESIS_VALUE);

    /**
     * Validates the components.
     *
     * @param size not negative
     * @param value the chain value; the genesis value when the size is 0
     * @throws IllegalArgumentException if the size is negative, or 0 with another value
     */
    public ChainPosition {
        Objects.requireNonNull(value, "value");
        if (size < 0 || (size == 0 && !value.equals(GENESIS_VALUE))) {
            throw new IllegalArgumentException("size must be >= 0, and the empty chain has the genesis value");
        }
    }

    /**
     * The chain value after appending one entry to a chain of a given value.
     *
     * @param previous the chain value before the entry
     * @param entry the entry
     * @return {@code DomainHash(REVOCATION, previous || encoded(entry))}
     */
    public static Digest link(Digest previous, RevocationEntry entry) {
        return DomainHash.start(HashDomain.REVOCATION)
                .update(previous.toByteArray())
                .update(entry.encoded().toByteArray())
                .finish();
    }

    /**
     * Appends one entry, which must be the next by index.
     *
     * @param entry the entry at index {@link #size()}
     * @return the position after it
     * @throws VerificationException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} for another index
     */
    public ChainPosition next(RevocationEntry entry) {
        if (entry.index() != size) {
            throw broken(size, "index", Long.toString(size), Long.toString(entry.index()));
        }
        return new ChainPosition(size + 1, link(value, entry));
    }

    /**
     * Appends a run of entries, which must continue this position's indexes.
     *
     * @param entries the entries at indexes {@code size, size + 1, ...}
     * @return the position after the last of them
     * @throws VerificationException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} for a wrong index
     */
    public ChainPosition extend(List<RevocationEntry> entries) {
        ChainPosition at = this;
        for (RevocationEntry entry : entries) {
            at = at.next(entry);
        }
        return at;
    }

    /**
     * Checks that a run of entries extends this position to exactly a target: the count and the
     * chain value.
     *
     * @param entries the entries at indexes {@code size, size + 1, ...}
     * @param target the position the entries must lead to, for example a signed head's
     * @return the target
     * @throws VerificationException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} if they do not
     */
    public ChainPosition extendTo(List<RevocationEntry> entries, ChainPosition target) {
        if (size + entries.size() != target.size) {
            throw broken(
                    size,
                    "size",
                    Long.toString(target.size),
                    size + " + " + entries.size() + " = " + (size + entries.size()));
        }
        ChainPosition reached = extend(entries);
        if (!reached.value.equals(target.value)) {
            throw broken(target.size, "value", target.value.toHex(), reached.value.toHex());
        }
        return target;
    }

    static VerificationException broken(long at, String field, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("index", Long.toString(at));
        details.put("field", field);
        details.put("expected", expected);
        details.put("found", found);
        return new VerificationException(
                ErrorCode.REVOCATION_CHAIN_BROKEN,
                "revocation chain at " + at + ": " + field + " is " + found + ", want " + expected,
                details,
                null);
    }

    /** Renders the size and the value in hex. */
    @Override
    public String toString() {
        return "ChainPosition[" + size + ", " + value.toHex() + "]";
    }
}
