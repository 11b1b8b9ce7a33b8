package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault suite: every one of the seven services is killed with SIGKILL in the middle of one order's journey, each at
 * the moment its next event is on the way to it (no shutdown hook runs, no consumer leaves its group). The journey
 * completes, every step happens exactly once, and each restarted service consumes what it missed within
 * {@link #BACK_WITHIN} of reporting ready: its consumers take their partitions back in seconds, not after the dead
 * member's 45 s session.
 */
@Order(90)
class ServiceCrashFaultIT extends JourneySupport {

    static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    private static final List<String> LIFECYCLE = List.of("PLACED", "CONFIRMED", "PREPARING", "READY_FOR_PICKUP",
            "PICKED_UP", "DELIVERED");

    private final Map<String, Long> caughtUpMillis = new LinkedHashMap<>();

    @Test
    void everyServiceKilledMidJourneyCatchesUpWithinSecondsAndNothingHappensTwice() throws Exception {
        double[] at = spot();
        Vendor vendor = pizzeria("Osteria " + uniqueWord(), at);
        Actor driver = city.approvedDriver("Kim Killed", "driver", DOMAIN, PASSWORD, "SCOOTER");
        platform.registerDevice(driver);
        Actor customer = person("CUSTOMER", "Chris Crash");
        city.goOnline(driver, at[0] + 0.002, at[1] - 0.002);

        // 1. payment and notification are dead when the customer checks out; the vendor dies right after
        Fleet.kill("payment");
        Fleet.kill("notification");
        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 2), 100), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        long total = placed.json().path("totalMinor").asLong();
        Fleet.kill("vendor");
        Fleet.start("vendor", "payment", "notification");
        JsonNode payment = caughtUp("vendor held the stock and payment opened the intent", () -> platform.payments
                .get("/api/v1/payments/orders/" + orderId, customer.token()),
                r -> r.status() == 200 && r.text("status").equals("REQUIRES_PAYMENT")).json();

        // 2. the order service is dead when Stripe confirms the charge
        Fleet.kill("order");
        Response webhook = stripe.paymentIntentSucceeded(payment.path("providerReference").asString(), total,
                payment.path("currency").asString(), payment.path("paymentId").asString());
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        Fleet.start("order");
        caughtUp("order placed", () -> order(orderId, customer), o -> o.path("status").asString().equals("PLACED"));

        // 3. the driver service is dead when the vendor confirms
        Fleet.kill("driver");
        setStatus(orderId, vendor.owner(), "CONFIRMED");
        Fleet.start("driver");
        caughtUp("driver offered the order", () -> platform.drivers.get("/api/v1/drivers/" + driver.userId()
                + "/offers/current", driver.token()), r -> r.status() == 200 && r.text("orderId").equals(orderId));

        // 4. tracking and user are dead when the driver accepts and picks up
        Fleet.kill("tracking");
        Fleet.kill("user");
        expect(platform.drivers.post("/api/v1/drivers/" + driver.userId() + "/offers/" + orderId + "/accept", null,
                driver.token()), "accept", 200);
        awaitOrder(orderId, customer, "driver shown", o -> o.path("driver").path("id").asString()
                .equals(driver.userId()));
        setStatus(orderId, vendor.owner(), "PREPARING");
        setStatus(orderId, vendor.owner(), "READY_FOR_PICKUP");
        setStatus(orderId, driver, "PICKED_UP");
        Fleet.start("tracking", "user");
        try (TestSocket watching = TestSocket.withAuth(platform.trackingSocketUrl, customer.token()).connected();
                TestSocket riding = TestSocket.withAuth(platform.trackingSocketUrl, driver.token()).connected()) {
            caughtUp("tracking knows the trip", () -> watching.join("order:" + orderId),
                    ack -> ack.path("ok").asBoolean());
            JsonNode ack = riding.sendLocation(fix(orderId, at));
            assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
            await("the customer sees the driver").atMost(EVENTUALLY)
                    .until(() -> !watching.heard("driver:location").isEmpty());
        }
        // the user service is back too: people can sign in again
        assertThat(platform.login(customer.email(), PASSWORD).userId()).isEqualTo(customer.userId());

        setStatus(orderId, driver, "DELIVERED");
        System.out.printf("[faults] caught up after ready (ms): %s%n", caughtUpMillis);

        // exactly once, every step
        JsonNode order = awaitStatus(orderId, customer, "DELIVERED");
        assertThat(KafkaOutageFaultIT.statusChanges(order)).containsExactlyElementsOf(LIFECYCLE);
        JsonNode paid = awaitPayment(orderId, customer, "SUCCEEDED");
        assertThat(paid.path("capturedMinor").asLong()).isEqualTo(total);
        assertThat(paid.path("refundedMinor").asLong()).isZero();
        assertThat(stock(vendor, "Margherita").path("available").asInt()).isEqualTo(8);
        await("earnings of one delivery").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(platform.drivers.get("/api/v1/drivers/" + driver.userId() + "/earnings",
                        driver.token()), "earnings", 200).json().path("lifetime").path("deliveries").asLong() == 1);
        await("one of each notification").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> toCustomer = notificationsOf(orderId).stream()
                            .filter(n -> n.path("recipientId").asString().equals(customer.userId()))
                            .map(n -> n.path("eventType").asString() + "/" + n.path("channel").asString()).toList();
                    assertThat(toCustomer).doesNotHaveDuplicates().contains("order.created/PUSH", "order.created/EMAIL",
                            "order.confirmed/PUSH", "driver.assigned/PUSH", "order.picked_up/PUSH",
                            "order.delivered/PUSH", "order.delivered/EMAIL");
                });
        assertThat(expect(platform.orders.get("/api/v1/orders/user/" + customer.userId(), customer.token()),
                "my orders", 200).json().path("total").asLong()).isEqualTo(1);
    }

    /** Waits at most {@link #BACK_WITHIN} from now (the restarted services just reported ready) for the effect. */
    private <T> T caughtUp(String what, Callable<T> probe, Predicate<T> done) {
        long readyAt = System.nanoTime();
        T result = await(what + " within " + BACK_WITHIN.toSeconds() + " s of ready").atMost(BACK_WITHIN)
                .pollInterval(Duration.ofMillis(200)).until(probe, done::test);
        caughtUpMillis.put(what, (System.nanoTime() - readyAt) / 1_000_000);
        return result;
    }

    private static Map<String, Object> fix(String orderId, double[] from) {
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("orderId", orderId);
        fix.put("lat", from[0] + 0.0002);
        fix.put("lng", from[1] + 0.0002);
        fix.put("heading", 45);
        fix.put("speed", 8);
        fix.put("accuracy", 5);
        fix.put("ts", System.currentTimeMillis());
        return fix;
    }
}
