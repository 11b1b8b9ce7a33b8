package com.delivery.kit.web;

import com.delivery.kit.resilience.RedisFailures;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which data-access failures mean "a store did not answer" (503, worth retrying) rather than a mistake (500):
 * <ul>
 *   <li>{@link DataAccessResourceFailureException}: no connection (JDBC {@code CannotGetJdbcConnectionException},
 *       Redis {@code RedisConnectionFailureException}, a MongoDB server selection or socket timeout);</li>
 *   <li>{@link TransientDataAccessResourceException}: the pool had no connection in time;</li>
 *   <li>{@link QueryTimeoutException}: a Redis command or a query ran out of time;</li>
 *   <li>{@link CannotCreateTransactionException}: no connection to begin the transaction on;</li>
 *   <li>Spring Data Redis's {@code RedisSystemException} (its catch-all: a client that is disconnected rejects
 *       commands with it), unless Redis itself answered with an error ({@link RedisFailures}).</li>
 * </ul>
 */
final class DependencyFailures {

    private DependencyFailures() {
    }

    static boolean isUnavailability(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof QueryTimeoutException
                || failure instanceof CannotCreateTransactionException) {
            return true;
        }
        return failure.getClass().getName().equals("org.springframework.data.redis.RedisSystemException")
                && RedisFailures.isOutage(failure);
    }
}
