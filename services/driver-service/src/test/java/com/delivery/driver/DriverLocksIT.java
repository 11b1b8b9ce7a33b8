package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.domain.DriverLocks;
import com.delivery.driver.domain.DriverLocks.Outcome;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.RowLockHolder;
import com.delivery.driver.support.TestDriver;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
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
        try (RowLockHolder holder = hold(driver, tx -> { }).releaseOnceSomeoneWaits()) {
            long started = System.nanoTime();
            Outcome outcome = inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER));

            assertThat(outcome).isEqualTo(Outcome.LOCKED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT_FOR_HOLDER);
            holder.committed();
        }
    }

    @Test
    void aDriverTheOtherDecisionTookOfflineIsUnavailableOnceItEnds() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        try (RowLockHolder holder = hold(driver, tx ->
                jdbc.update("UPDATE drivers SET online = false, online_since = NULL WHERE id = ?", driver.id()))
                .releaseOnceSomeoneWaits()) {
            assertThat(inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER)))
                    .isEqualTo(Outcome.UNAVAILABLE);
            holder.committed();
        }
    }

    @Test
    void aDriverHeldTooLongIsContendedAndTheTransactionGoesOnAsBefore() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        RowLockHolder holder = hold(driver, tx -> { }); // held until the waiting below has given up

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
        holder.close();
        holder.committed();
        assertThat(inTransaction(() -> locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER))).isEqualTo(Outcome.LOCKED);
    }

    @Test
    void theLockTimeoutOfTheWaitDoesNotOutliveIt() throws Exception {
        TestDriver driver = aDriver().onlineAt(Places.somewhereRemote()).create();
        try (RowLockHolder holder = hold(driver, tx -> { }).releaseOnceSomeoneWaits()) {
            String[] timeout = new String[1];
            Outcome outcome = inTransaction(() -> {
                Outcome result = locks.lockIfAvailable(driver.id(), WAIT_FOR_HOLDER);
                timeout[0] = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
                return result;
            });

            assertThat(outcome).isEqualTo(Outcome.LOCKED);
            assertThat(timeout[0]).isEqualTo(jdbc.queryForObject("SELECT current_setting('lock_timeout')",
                    String.class));
            holder.committed();
        }
    }

    private RowLockHolder hold(TestDriver driver, Consumer<TransactionStatus> meanwhile) throws InterruptedException {
        return RowLockHolder.lock(jdbc, transactions, driver.id(), meanwhile);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> work.get());
    }
}
