package dev.cairn.server.pki;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.trust.ca.SerialLedger;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The CA's serial numbers in the database (table {@code ca_serials}, migration V2): one row per
 * serial, the primary key refusing a second use, committed before the certificate is returned. With
 * PostgreSQL every replica records in the same table, so no two replicas ever use one serial.
 */
public final class JdbcSerialLedger implements SerialLedger {
    private final DataSource dataSource;
    private final Clock clock;

    /**
     * A ledger over a migrated database.
     *
     * @param dataSource the server's database
     * @param clock when a serial was recorded
     */
    public JdbcSerialLedger(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean record(BigInteger serial) {
        if (serial.signum() <= 0 || serial.bitLength() > 159) {
            throw new IllegalArgumentException("a serial is a positive integer of at most 20 bytes");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO ca_serials (serial, recorded_at) VALUES (?, ?)")) {
            c.setAutoCommit(true);
            insert.setString(1, serial.toString(16));
            insert.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new InternalException(ErrorCode.INTERNAL_IO, "recording a CA serial failed: " + e.getMessage(), e);
        }
    }

    /** Nothing to release: the data source belongs to the server. */
    @Override
    public void close() {}
}
