package dev.cairn.trust.ca;

import java.math.BigInteger;

/**
 * Every serial number a CA has used, so that none is used twice. {@link #record} returns only once
 * the serial is durable; a CA records a serial before it returns the certificate that carries it.
 */
public interface SerialLedger extends AutoCloseable {
    /**
     * Records a serial that has not been used.
     *
     * @param serial the serial
     * @return {@code true} if it was recorded now and is durable; {@code false} if it was used before
     */
    boolean record(BigInteger serial);

    /** Releases the ledger's resources. */
    @Override
    void close();
}
