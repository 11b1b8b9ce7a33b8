package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault suite: the broker goes away while customers check out. Checkout keeps working (its events wait in the
 * outbox), no pod leaves its Service (readiness stays UP on all seven), and once the broker is back every order is
 * held, paid and PLACED exactly once: nothing lost, nothing doubled.
 */
@Order(60)
class KafkaOutageFaultIT extends JourneySupport {

    private static final int CUSTOMERS = 6;
    /** How long the broker stays away after the last checkout went in. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void checkoutsDuringABrokerOutageAreEachPlacedOnceAndNoPodLeavesItsService() {
        double[] at = spot();
        Vendor vendor = pizzeria("Pizzeria " + uniqueWord(), at);
        List<Actor> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(person("CUSTOMER", "Karl Kafka " + i));
        }
        Map<String, Actor> orders = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();

        try (ReadinessWatch readiness = ReadinessWatch.start(platform)) {
            try (BrokerFreeze broker = BrokerFreeze.freeze()) {
                long frozenAt = System.nanoTime();
                for (Actor customer : customers) {
                    Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 1, "Tiramisu", 1), 0),
                            key());
                    assertThat(placed.status()).as("checkout while the broker is away: " + placed).isEqualTo(201);
                    orders.put(placed.text("id"), customer);
                    totals.put(placed.text("id"), placed.json().path("totalMinor").asLong());
                }
                // the outage goes on; meanwhile the customers' apps keep reading their orders
                await("the outage lasts " + OUTAGE).atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            orders.forEach((id, customer) -> assertThat(order(id, customer).path("status").asString())
                                    .isEqualTo("PENDING_PAYMENT"));
                            return System.nanoTime() - frozenAt >= OUTAGE.toNanos();
                        });
                broker.thaw();
            }
            long thawedAt = System.nanoTime();

            // back: the held events leave the outboxes; stock is held, intents open, the customers pay
            orders.forEach((id, customer) -> pay(id, customer));
            orders.forEach((id, customer) -> awaitStatus(id, customer, "PLACED"));
            System.out.printf("[faults] %d orders taken during a %d s broker outage, all PLACED %d ms after it "
                    + "returned (holds, intents, payments and placements included)%n", CUSTOMERS, OUTAGE.toSeconds(),
                    (System.nanoTime() - thawedAt) / 1_000_000);
            assertThat(readiness.rounds()).isPositive();
            assertThat(readiness.failures()).as("readiness answers during and after the outage").isEmpty();
        }

        orders.forEach((id, customer) -> {
            JsonNode order = order(id, customer);
            assertThat(statusChanges(order)).as("order %s", id).containsExactly("PLACED");
            JsonNode payment = awaitPayment(id, customer, "SUCCEEDED");
            assertThat(payment.path("capturedMinor").asLong()).isEqualTo(totals.get(id));
        });
        JsonNode stock = stock(vendor, "Margherita");
        assertThat(stock.path("available").asInt()).isEqualTo(10 - CUSTOMERS);
        assertThat(stock.path("reserved").asInt()).isEqualTo(CUSTOMERS);
        // one receipt per order and customer, however often the events were handed over again
        orders.forEach((id, customer) -> await("receipt of " + id).atMost(EVENTUALLY)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(notificationsOf(id).stream()
                        .filter(n -> n.path("recipientId").asString().equals(customer.userId()))
                        .filter(n -> n.path("eventType").asString().equals("order.created"))
                        .map(n -> n.path("channel").asString()).toList())
                        .containsExactlyInAnyOrder("PUSH", "EMAIL")));
        JsonNode vendorView = expect(platform.orders.get("/api/v1/orders/vendor/" + vendor.id(),
                vendor.owner().token()), "the vendor's orders", 200).json();
        assertThat(vendorView.path("total").asLong()).isEqualTo(CUSTOMERS);
    }

    static List<String> statusChanges(JsonNode order) {
        List<String> changes = new ArrayList<>();
        order.path("timeline").forEach(t -> {
            if (t.path("kind").asString().equals("STATUS_CHANGED")) {
                changes.add(t.path("to").asString());
            }
        });
        return changes;
    }
}
