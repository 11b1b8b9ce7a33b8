package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.app.MatchingService;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.RowLockHolder;
import com.delivery.driver.support.TestDriver;
import com.delivery.driver.support.TestOrder;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A driver is never given two orders and an order never two drivers, whatever runs at the same time: matching rounds
 * of several orders (as several instances would run them), repeated acceptances, an acceptance racing another
 * order's matching. Threads are released together by a latch.
 */
class MatchingConcurrencyIT extends DriverServiceTestBase {

    @Autowired
    MatchingService matching;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void ordersRacingForTheOnlyDriverAroundGiveHimOneOfferAtATime() throws Exception {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver only = aDriver().onlineAt(vendor).create();
        List<TestOrder> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestOrder order = anOrder().pickupAt(vendor).build();
            orders.add(order);
            matching.orderConfirmed(confirmation(order).payload(), order.correlationId());
        }
        List<Callable<Void>> rounds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestOrder order = orders.get(i % orders.size());
            rounds.add(() -> {
                matching.attempt(order.orderId());
                return null;
            });
        }

        List<Throwable> failures = runTogether(rounds);

        assertThat(failures).isEmpty();
        assertThat(offersTo(only, null)).as("offers made to the driver").isEqualTo(1);
        assertThat(offersTo(only, "PENDING")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM matching_jobs WHERE driver_id = ? AND status = 'OFFERED'",
                Long.class, only.id())).isEqualTo(1);
    }

    @Test
    void anOrderWhoseOnlyDriverIsHeldByAnotherDecisionWaitsForItInsteadOfBeingToldNobodyIsAround() throws Exception {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver only = aDriver().onlineAt(vendor).create();
        TestOrder order = anOrder().pickupAt(vendor).build();
        // a decision about the driver (say, their app going online again) that holds their row lock while the
        // round looks at them, and ends without giving them anything
        try (RowLockHolder decision = RowLockHolder.lock(jdbc, transactions, only.id(), tx -> { })
                .releaseOnceSomeoneWaits()) {
            matching.orderConfirmed(confirmation(order).payload(), order.correlationId());
            matching.attempt(order.orderId());
            decision.committed();

            // well before the retry interval a round that found "nobody" would wait
            await().atMost(RETRY_INTERVAL.minusSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM offers WHERE order_id = ? AND driver_id = ?",
                            Long.class, order.orderId(), only.id()) == 1);
            assertThat(jdbc.queryForObject("SELECT radius_step FROM matching_jobs WHERE order_id = ?", Integer.class,
                    order.orderId())).as("the search radius did not grow").isZero();
        }
    }

    @Test
    void simultaneousAcceptancesOfOneOfferAssignTheOrderOnce() throws Exception {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        try (EventProbe probe = EventProbe.open(Topics.DRIVER_ASSIGNED)) {
            TestOrder order = anOrder().pickupAt(vendor).confirmed();
            awaitOffer(driver, order);
            ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
            List<Callable<Void>> accepts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accepts.add(() -> {
                    responses.add(accept(driver, order));
                    return null;
                });
            }

            assertThat(runTogether(accepts)).isEmpty();

            assertThat(responses).extracting(Response::status).containsOnly(200);
            assertThat(responses).extracting(r -> r.text("assignedAt")).containsOnly(responses.peek().text("assignedAt"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM assignments WHERE driver_id = ?", Long.class,
                    driver.id())).isEqualTo(1);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(seen(probe, Topics.DRIVER_ASSIGNED, order.orderId())).hasSize(1));
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() ->
                    seen(probe, Topics.DRIVER_ASSIGNED, order.orderId()).size() == 1);
        }
    }

    @Test
    void anAcceptanceRacingAnotherOrdersMatchingLeavesTheDriverWithOneOrder() throws Exception {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder first = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(driver, first);
        TestOrder second = anOrder().pickupAt(vendor).build();
        matching.orderConfirmed(confirmation(second).payload(), second.correlationId());
        ConcurrentLinkedQueue<Response> acceptance = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> racers = new ArrayList<>();
        racers.add(() -> {
            acceptance.add(accept(driver, first));
            return null;
        });
        for (int i = 0; i < 6; i++) {
            racers.add(() -> {
                matching.attempt(second.orderId());
                return null;
            });
        }

        assertThat(runTogether(racers)).isEmpty();
        matching.attempt(second.orderId());

        assertThat(acceptance.peek().status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM assignments WHERE driver_id = ? AND status = 'ACTIVE'",
                Long.class, driver.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM offers WHERE order_id = ? AND driver_id = ?", Long.class,
                second.orderId(), driver.id())).as("the busy driver is not offered the other order").isZero();
    }

    @Test
    void theDatabaseItselfRefusesASecondPendingOfferOrASecondActiveOrderForADriver() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder first = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(driver, first);
        TestOrder second = anOrder().pickupAt(Places.somewhereRemote()).build();
        matching.orderConfirmed(confirmation(second).payload(), second.correlationId());

        assertThatThrownBy(() -> jdbc.update("INSERT INTO offers (id, order_id, driver_id, status, distance_meters, "
                + "offered_at, expires_at) VALUES (?, ?, ?, 'PENDING', 0, now(), now())", UUID.randomUUID(),
                second.orderId(), driver.id())).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(accept(driver, first).status()).isEqualTo(200);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO assignments (order_id, driver_id, customer_id, vendor_id, "
                + "status, assigned_at) VALUES (?, ?, ?, ?, 'ACTIVE', now())", second.orderId(), driver.id(),
                UUID.randomUUID(), UUID.randomUUID())).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long offersTo(TestDriver driver, String status) {
        return status == null
                ? jdbc.queryForObject("SELECT count(*) FROM offers WHERE driver_id = ?", Long.class, driver.id())
                : jdbc.queryForObject("SELECT count(*) FROM offers WHERE driver_id = ? AND status = ?", Long.class,
                        driver.id(), status);
    }

    /** Starts every task at the same moment; returns what they threw. */
    private static List<Throwable> runTogether(List<Callable<Void>> tasks) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Void> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failures.add(e.getCause() != null ? e.getCause() : e);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
