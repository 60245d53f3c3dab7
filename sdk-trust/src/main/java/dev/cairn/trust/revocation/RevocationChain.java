package dev.cairn.trust.revocation;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The issuer's revocation list: an append-only hash chain of {@link RevocationEntry} values, one per
 * revoked serial ({@code spec/revocation.md}).
 *
 * <p>{@link #revoke} records the new entry in the {@link RevocationJournal} first and appends it only
 * once that returned, so the chain never holds an entry the journal could lose; {@link #rebuild}
 * restores a chain from the journal's entries. A serial is revoked at most once. Entry times are the
 * clock's, raised to the previous entry's time when the clock reads earlier, so they never
 * decrease. Every prefix of the chain is final: {@link #entries} and {@link #position(long)} of a
 * size already reached never change. Thread-safe.
 */
public final class RevocationChain {
    private final Clock clock;
    private final RevocationJournal journal;
    private final List<RevocationEntry> entries = new ArrayList<>();
    /** {@code values.get(n)} is the chain value after {@code n} entries. */
    private final List<Digest> values = new ArrayList<>();

    private final Set<BigInteger> revoked = new HashSet<>();

    private RevocationChain(Clock clock, RevocationJournal journal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        values.add(ChainPosition.GENESIS_VALUE);
    }

    /**
     * Starts an empty chain.
     *
     * @param clock the source of revocation times
     * @param journal where new entries are made durable
     * @return the chain
     */
    public static RevocationChain create(Clock clock, RevocationJournal journal) {
        return new RevocationChain(clock, journal);
    }

    /**
     * Restores a chain from all its entries, as read back from the journal. The entries are not
     * recorded again.
     *
     * @param entries every entry, from index 0, in order
     * @param clock the source of revocation times for new entries
     * @param journal where new entries are made durable
     * @return the chain
     * @throws VerificationException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} if the indexes are not 0,
     *     1, 2, ... or a serial appears twice
     */
    public static RevocationChain rebuild(List<RevocationEntry> entries, Clock clock, RevocationJournal journal) {
        RevocationChain chain = new RevocationChain(clock, journal);
        for (RevocationEntry entry : entries) {
            ChainPosition next = chain.position().next(entry);
            if (chain.revoked.contains(entry.serial())) {
                throw ChainPosition.broken(
                        entry.index(),
                        "serial",
                        "a serial not yet revoked",
                        entry.serial().toString(16));
            }
            chain.integrate(entry, next.value());
        }
        return chain;
    }

    /**
     * Revokes a serial: appends one entry at the next index, at the clock's time.
     *
     * @param serial the certificate's serial number
     * @param reason why
     * @return the new entry, durable in the journal and part of the chain
     * @throws VerificationException {@link ErrorCode#CERT_REVOKED} if the serial is already revoked
     * @throws IllegalArgumentException if the serial is not positive or longer than 20 DER octets
     */
    public synchronized RevocationEntry revoke(BigInteger serial, RevocationReason reason) {
        Objects.requireNonNull(serial, "serial");
        if (revoked.contains(serial)) {
            throw VerificationException.mismatch(
                    ErrorCode.CERT_REVOKED, "a serial not yet revoked", "serial " + serial.toString(16));
        }
        long millis = Math.max(0, clock.millis());
        if (!entries.isEmpty()) {
            millis =
                    Math.max(millis, entries.get(entries.size() - 1).revokedAt().toEpochMilli());
        }
        RevocationEntry entry = new RevocationEntry(entries.size(), serial, reason, Instant.ofEpochMilli(millis));
        Digest value = ChainPosition.link(values.get(values.size() - 1), entry);
        journal.record(entry);
        integrate(entry, value);
        return entry;
    }

    private void integrate(RevocationEntry entry, Digest value) {
        entries.add(entry);
        values.add(value);
        revoked.add(entry.serial());
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public synchronized long size() {
        return entries.size();
    }

    /**
     * The current size and chain value, read together.
     *
     * @return the position of the whole chain
     */
    public synchronized ChainPosition position() {
        return position(entries.size());
    }

    /**
     * The position of a prefix: what a relying party holding that many entries must hold.
     *
     * @param size a size from 0 to {@link #size()}
     * @return the position after {@code size} entries
     * @throws IllegalArgumentException if the chain is not that long
     */
    public synchronized ChainPosition position(long size) {
        if (size < 0 || size > entries.size()) {
            throw new IllegalArgumentException("size " + size + " outside 0.." + entries.size());
        }
        return new ChainPosition(size, values.get((int) size));
    }

    /**
     * A range of entries.
     *
     * @param from the first index, inclusive
     * @param to the last index, exclusive; at most {@link #size()}
     * @return the entries {@code from .. to - 1}
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()}
     */
    public synchronized List<RevocationEntry> entries(long from, long to) {
        if (from < 0 || from > to || to > entries.size()) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + entries.size());
        }
        return List.copyOf(entries.subList((int) from, (int) to));
    }

    /**
     * Whether a serial is revoked.
     *
     * @param serial the serial
     * @return {@code true} if an entry revokes it
     */
    public synchronized boolean isRevoked(BigInteger serial) {
        return revoked.contains(serial);
    }
}
