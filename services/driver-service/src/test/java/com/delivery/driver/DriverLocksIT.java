package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.domain.DriverLocks;
import com.delivery.driver.domain.DriverLocks.Outcome;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driver lock as matching takes it: at once when free, after the holder is done when another decision holds
 * it (as that decision left the driver), and never leaving the caller's transaction broken when the holder takes
 * too long.
 */
class DriverLocksIT extends DriverServiceTestBase {

    private static final Duration WAIT_FOR_HOLDER = Duration.ofMillis(800);

    @Autowired
    DriverLocks locks;

    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOther() {
        other.shutdownNow();
    }

    @Test
    void aFreeAvailableDriverIsLockedAtOnceAndAnUnavailableOneIsNot() {
        TestDriver online = aDriver().onlineAt(Places.somewhereRemote()).create();
        TestDriver offline = aDriver().approved().create();

        assertThat(inTransaction(() -> locks.lockIfAvailable(online.id(), WAIT_FOR_HOLDER))).isEqualTo(Outcome.LOCKED);
        assertThat(inTransaction(() -> locks.lockIfAvailable(offline.id(), WAIT_FOR_HOLDER)))
                .isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void aDriverHeldBrieflyByAnotherDecisionIsLockedOnceItEnds() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        Future<?> holder = hold(driver, Duration.ofMillis(200), tx -> { });

        long started = System.nanoTime();
        Outcome outcome = inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER));

        assertThat(outcome).isEqualTo(Outcome.LOCKED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT_FOR_HOLDER);
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDriverTheOtherDecisionTookOfflineIsUnavailableOnceItEnds() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        Future<?> holder = hold(driver, Duration.ofMillis(200), tx ->
                jdbc.update("UPDATE drivers SET online = false, online_since = NULL WHERE id = ?", driver.id()));

        assertThat(inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER)))
                .isEqualTo(Outcome.UNAVAILABLE);
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDriverHeldTooLongIsContendedAndTheTransactionGoesOnAsBefore() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        Future<?> holder = hold(driver, WAIT_FOR_HOLDER.multipliedBy(3), tx -> { });

        String[] after = new String[2];
        Outcome outcome = inTransaction(() -> {
            Outcome result = locks.lockIfAvailable(driver.id(), Duration.ofMillis(300));
            // still usable (no "current transaction is aborted"), with the lock timeout it had
            after[0] = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
            after[1] = jdbc.queryForObject("SELECT full_name FROM drivers WHERE id = ?", String.class, driver.id());
            return result;
        });

        assertThat(outcome).isEqualTo(Outcome.CONTENDED);
        assertThat(after[0]).isEqualTo(jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class));
        assertThat(after[1]).isEqualTo(driver.fullName());
        holder.get(10, TimeUnit.SECONDS);
        assertThat(inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER))).isEqualTo(Outcome.LOCKED);
    }

    @Test
    void theLockTimeoutOfTheWaitDoesNotOutliveIt() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        Future<?> holder = hold(driver, Duration.ofMillis(100), tx -> { });

        String[] timeout = new String[1];
        Outcome outcome = inTransaction(() -> {
            Outcome result = locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER);
            timeout[0] = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
            return result;
        });

        assertThat(outcome).isEqualTo(Outcome.LOCKED);
        assertThat(timeout[0]).isEqualTo(jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class));
        holder.get(10, TimeUnit.SECONDS);
    }

    /** Another transaction row-locks the driver, does {@code meanwhile}, keeps the lock {@code for} and commits. */
    private Future<?> hold(TestDriver driver, Duration duration, Consumer<Object> meanwhile) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Future<?> holder = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.queryForList("SELECT id FROM drivers WHERE id = ? FOR UPDATE", driver.id());
            meanwhile.accept(tx);
            held.countDown();
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> work.get());
    }
}
