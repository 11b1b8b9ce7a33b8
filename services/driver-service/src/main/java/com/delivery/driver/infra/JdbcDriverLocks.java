package com.delivery.driver.infra;

import com.delivery.driver.domain.DriverLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Driver row locks for matching, in the caller's transaction (the JdbcTemplate uses the transaction's connection).
 *
 * <p>First without waiting ({@code SKIP LOCKED}): the usual case, nobody else is deciding about the driver. If the
 * row is locked, the lock is taken again waiting at most the given time ({@code lock_timeout}), inside a savepoint:
 * PostgreSQL aborts the whole transaction on a lock timeout (or a deadlock), and rolling back to the savepoint keeps
 * it usable (and undoes the {@code SET LOCAL}). After the wait PostgreSQL re-evaluates the row as the other
 * transaction left it, so a driver who meanwhile went offline is not locked.
 */
@Component
class JdbcDriverLocks implements DriverLocks {

    private static final String LOCK_IF_AVAILABLE =
            "SELECT id FROM drivers WHERE id = ? AND status = 'APPROVED' AND online FOR UPDATE";
    private static final String AVAILABLE = "SELECT status = 'APPROVED' AND online FROM drivers WHERE id = ?";
    /** lock_not_available (lock_timeout) and deadlock_detected. */
    private static final Set<String> GAVE_UP_WAITING = Set.of("55P03", "40P01");

    private final JdbcTemplate jdbc;

    JdbcDriverLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Outcome lockIfAvailable(UUID driverId, Duration wait) {
        return jdbc.execute((ConnectionCallback<Outcome>) connection -> {
            if (found(connection, LOCK_IF_AVAILABLE + " SKIP LOCKED", driverId)) {
                return Outcome.LOCKED;
            }
            if (!available(connection, driverId)) {
                return Outcome.UNAVAILABLE;
            }
            // available, but a concurrent decision holds the row (or just let it go): wait for it
            return lockWaiting(connection, driverId, wait);
        });
    }

    private static Outcome lockWaiting(Connection connection, UUID driverId, Duration wait) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            String previous = setLockTimeout(connection, Math.max(1, wait.toMillis()) + "ms");
            boolean locked = found(connection, LOCK_IF_AVAILABLE, driverId);
            setLockTimeout(connection, previous);
            connection.releaseSavepoint(savepoint);
            return locked ? Outcome.LOCKED : Outcome.UNAVAILABLE;
        } catch (SQLException e) {
            if (!GAVE_UP_WAITING.contains(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return Outcome.CONTENDED;
        }
    }

    /** Sets lock_timeout for the rest of the transaction; returns the value it had. */
    private static String setLockTimeout(Connection connection, String value) throws SQLException {
        String previous;
        try (PreparedStatement current = connection.prepareStatement("SELECT current_setting('lock_timeout')");
                ResultSet rs = current.executeQuery()) {
            rs.next();
            previous = rs.getString(1);
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            set.setString(1, value);
            set.execute();
        }
        return previous;
    }

    private static boolean found(Connection connection, String sql, UUID driverId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, driverId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean available(Connection connection, UUID driverId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AVAILABLE)) {
            statement.setObject(1, driverId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
