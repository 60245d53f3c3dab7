package dev.cairn.trust.ca;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A serial ledger in one append-only file of fixed 20-byte records (the serial, unsigned big-endian,
 * left-padded). Each record is forced to disk before {@link #record} returns; a torn last record
 * (from a crash mid-write) is cut on open, which is safe because its certificate was never returned.
 * Thread-safe.
 */
public final class FileSerialLedger implements SerialLedger {
    /** Bytes per serial: RFC 5280 allows serials of at most 20 octets. */
    public static final int RECORD = 20;

    private final FileChannel channel;
    private final Set<BigInteger> used = new HashSet<>();

    private FileSerialLedger(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens (creating if absent) a ledger file and loads its serials.
     *
     * @param file the ledger file
     * @return the ledger
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if the file cannot be read or repaired
     */
    public static FileSerialLedger open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileSerialLedger ledger = new FileSerialLedger(channel);
            long whole = channel.size() - channel.size() % RECORD;
            if (whole != channel.size()) {
                channel.truncate(whole);
                channel.force(true);
            }
            ByteBuffer record = ByteBuffer.allocate(RECORD);
            for (long at = 0; at < whole; at += RECORD) {
                record.clear();
                while (record.hasRemaining()) {
                    channel.read(record, at + record.position());
                }
                ledger.used.add(new BigInteger(1, record.array()));
            }
            return ledger;
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "serial ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean record(BigInteger serial) {
        if (serial.signum() <= 0 || serial.bitLength() > RECORD * 8) {
            throw new IllegalArgumentException("serial must be positive and at most 20 bytes");
        }
        if (used.contains(serial)) {
            return false;
        }
        byte[] magnitude = serial.toByteArray();
        ByteBuffer record = ByteBuffer.allocate(RECORD);
        int skip = magnitude.length > RECORD ? magnitude.length - RECORD : 0;
        record.position(RECORD - (magnitude.length - skip));
        record.put(magnitude, skip, magnitude.length - skip);
        record.flip();
        try {
            long at = channel.size();
            while (record.hasRemaining()) {
                at += channel.write(record, at);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "serial ledger write: " + e.getMessage(), e);
        }
        used.add(serial);
        return true;
    }

    /**
     * How many serials the ledger holds.
     *
     * @return the count
     */
    public synchronized int size() {
        return used.size();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "serial ledger close: " + e.getMessage(), e);
        }
    }
}
