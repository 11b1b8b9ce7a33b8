package com.delivery.driver.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another decision about a driver: a transaction of its own that row-locks the driver, does something meanwhile,
 * and commits only when the test says so, or as soon as some other transaction is seen waiting for a lock. No
 * guessed durations: the lock is held exactly until the contention the test wants has happened.
 */
public final class RowLockHolder implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Future<?> transaction;

    private RowLockHolder(JdbcTemplate jdbc, PlatformTransactionManager transactions, UUID driverId,
            Consumer<TransactionStatus> meanwhile) throws InterruptedException {
        this.jdbc = jdbc;
        CountDownLatch held = new CountDownLatch(1);
        transaction = thread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.queryForList("SELECT id FROM drivers WHERE id = ? FOR UPDATE", driverId);
            meanwhile.accept(tx);
            held.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the driver's row lock was not taken");
        }
    }

    /** Holds the driver's row lock (after {@code meanwhile}, in the same transaction) until released. */
    public static RowLockHolder lock(JdbcTemplate jdbc, PlatformTransactionManager transactions, UUID driverId,
            Consumer<TransactionStatus> meanwhile) throws InterruptedException {
        return new RowLockHolder(jdbc, transactions, driverId, meanwhile);
    }

    /** Commits as soon as another transaction of this database waits for a lock (the one under test). */
    public RowLockHolder releaseOnceSomeoneWaits() {
        CompletableFuture.runAsync(() -> {
            await("a transaction waiting for the driver's lock").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                    + "AND wait_event_type = 'Lock'", Long.class) > 0);
            release();
        });
        return this;
    }

    public void release() {
        released.countDown();
    }

    /** Waits for the holding transaction to have committed. */
    public void committed() throws Exception {
        transaction.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release();
        thread.shutdownNow();
    }
}
