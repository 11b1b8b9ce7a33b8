package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Dish;
import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Never sell what is not there. Customers race for the last units of an item: exactly as many orders as there are
 * units become PLACED and are charged; every other order is refused at checkout or ends CANCELLED out of stock with
 * no money taken, the customer told why. The same care when the vendor rejects a paid order and when the card is
 * declined after the stock was held: the units always come back.
 */
@Order(5)
class OversellJourneyIT extends JourneySupport {

    private static final int STOCK = 3;
    private static final int CUSTOMERS = 20;

    /** Outcome of one customer's attempt: refused at checkout (status), or the order id it ended with. */
    private record Attempt(int checkoutStatus, String orderId, String problemType) {
    }

    @Test
    void twentyCustomersRaceForThreePizzasAndExactlyThreeAreSold() throws Exception {
        double[] at = spot();
        Vendor vendor = shopWithLastUnits("Pizzeria " + uniqueWord(), at, STOCK);
        List<Actor> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(person("CUSTOMER", "Racer " + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
            for (Actor customer : customers) {
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return checkOutAndPay(customer, vendor, at);
                }, pool));
            }
            go.countDown();

            List<Attempt> outcomes = new ArrayList<>();
            for (CompletableFuture<Attempt> attempt : attempts) {
                outcomes.add(attempt.get());
            }

            List<String> placed = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Attempt attempt = outcomes.get(i);
                Actor customer = customers.get(i);
                if (attempt.orderId() == null) {
                    assertThat(attempt.checkoutStatus()).as("a refused checkout says so clearly").isIn(409, 422);
                    continue;
                }
                JsonNode order = awaitOrder(attempt.orderId(), customer, "order settles",
                        o -> o.path("status").asString().equals("PLACED")
                                || o.path("status").asString().equals("CANCELLED"));
                if (order.path("status").asString().equals("PLACED")) {
                    placed.add(attempt.orderId());
                    assertThat(awaitPayment(attempt.orderId(), customer, "SUCCEEDED").path("capturedMinor").asLong())
                            .isEqualTo(order.path("totalMinor").asLong());
                } else {
                    cancelled.add(attempt.orderId());
                    assertSoldOutAndNotCharged(order, customer);
                }
            }

            assertThat(placed).as("exactly the units there are").hasSize(STOCK);
            assertThat(placed.size() + cancelled.size() + outcomes.stream().filter(a -> a.orderId() == null).count())
                    .isEqualTo(CUSTOMERS);
            JsonNode stock = stock(vendor, "Margherita");
            assertThat(stock.path("available").asInt()).isZero();
            assertThat(stock.path("reserved").asInt()).isEqualTo(STOCK);
            assertThat(stock.path("available").asInt() + stock.path("reserved").asInt() + stock.path("sold").asInt())
                    .as("available + reserved + sold").isEqualTo(STOCK);

            // the vendor can serve what was sold, and only that: confirming moves the units to sold
            for (String orderId : placed) {
                setStatus(orderId, vendor.owner(), "CONFIRMED");
            }
            await("units sold").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode after = stock(vendor, "Margherita");
                assertThat(after.path("sold").asInt()).isEqualTo(STOCK);
                assertThat(after.path("reserved").asInt()).isZero();
                assertThat(after.path("available").asInt()).isZero();
            });
            for (String orderId : cancelled) {
                Actor customer = customers.get(indexOf(outcomes, orderId));
                await("customer told why").atMost(EVENTUALLY).untilAsserted(() -> assertThat(notificationsOf(orderId))
                        .filteredOn(n -> n.path("eventType").asString().equals("order.cancelled"))
                        .extracting(n -> n.path("recipientId").asString())
                        .contains(customer.userId()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPaidOrderTheVendorRejectsIsRefundedInFullAndItsUnitsComeBack() {
        double[] at = spot();
        Vendor vendor = shopWithLastUnits("Pizzeria " + uniqueWord(), at, 5);
        Actor customer = person("CUSTOMER", "Rita Rejected");
        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 2), 0), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        long total = placed.json().path("totalMinor").asLong();
        pay(orderId, customer);
        awaitStatus(orderId, customer, "PLACED");

        expect(platform.orders.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "Oven is broken"),
                vendor.owner().token()), "vendor rejects", 200);

        JsonNode order = awaitStatus(orderId, customer, "CANCELLED");
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("VENDOR_REJECTED");
        assertThat(order.path("cancellation").path("detail").asString()).isEqualTo("Oven is broken");
        JsonNode refunded = awaitPayment(orderId, customer, "REFUNDED");
        assertThat(refunded.path("refundedMinor").asLong()).isEqualTo(total);
        awaitOrder(orderId, customer, "the timeline shows the refund", o -> o.path("refundedMinor").asLong() == total
                && o.path("timeline").valueStream().anyMatch(e -> e.path("kind").asString().equals("PAYMENT_REFUNDED")));
        awaitFullStock(vendor, 5);
    }

    @Test
    void aDeclinedCardAfterTheHoldCancelsTheOrderAndReleasesTheUnitsAtOnce() {
        double[] at = spot();
        Vendor vendor = shopWithLastUnits("Pizzeria " + uniqueWord(), at, 4);
        Actor customer = person("CUSTOMER", "Dora Declined");
        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 4), 0), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        JsonNode payment = awaitPayment(orderId, customer, "REQUIRES_PAYMENT");
        assertThat(stock(vendor, "Margherita").path("reserved").asInt()).as("held before the intent").isEqualTo(4);

        expect(stripe.paymentIntentFailed(payment.path("providerReference").asString(),
                payment.path("amountMinor").asLong(), payment.path("currency").asString(),
                payment.path("paymentId").asString()), "payment_intent.payment_failed webhook", 200);

        JsonNode order = awaitStatus(orderId, customer, "CANCELLED");
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("PAYMENT_FAILED");
        awaitFullStock(vendor, 4);
        // the failed attempt stays on record; the order's cancellation then closes the payment for good
        JsonNode closed = awaitPayment(orderId, customer, "CANCELLED");
        assertThat(closed.path("failureCode").asString()).isEqualTo("card_declined");
        assertThat(closed.path("capturedMinor").asLong()).isZero();
    }

    /** One customer: checks out one Margherita, and pays as soon as there is something to pay. */
    private static Attempt checkOutAndPay(Actor customer, Vendor vendor, double[] at) {
        Response checkout = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 1), 0), key());
        if (checkout.status() != 201) {
            return new Attempt(checkout.status(), null, checkout.text("type"));
        }
        String orderId = checkout.text("id");
        // the app asks for the intent; it is there once the vendor holds the pizza, never if it cannot
        JsonNode payable = await("payable or cancelled").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> payableOrCancelled(orderId, customer), r -> r != null);
        if (payable.path("status").asString().equals("REQUIRES_PAYMENT")) {
            expect(stripe.paymentIntentSucceeded(payable.path("providerReference").asString(),
                    payable.path("amountMinor").asLong(), payable.path("currency").asString(),
                    payable.path("paymentId").asString()), "payment_intent.succeeded webhook", 200);
        }
        return new Attempt(201, orderId, null);
    }

    /** The payment once it can be paid, the order once it is cancelled; {@code null} while neither. */
    private static JsonNode payableOrCancelled(String orderId, Actor customer) {
        Response intent = platform.payments.post("/api/v1/payments/intents", Map.of("orderId", orderId),
                customer.token());
        if (intent.status() == 200 || intent.status() == 201) {
            return expect(platform.payments.get("/api/v1/payments/orders/" + orderId, customer.token()),
                    "payment", 200).json();
        }
        assertThat(intent.status()).as(intent.toString()).isEqualTo(409);
        JsonNode order = order(orderId, customer);
        return order.path("status").asString().equals("CANCELLED") ? order : null;
    }

    private static void assertSoldOutAndNotCharged(JsonNode order, Actor customer) {
        String orderId = order.path("id").asString();
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.path("cancellation").path("detail").asString()).contains("Margherita");
        assertThat(order.path("timeline").valueStream().map(e -> e.path("reason").asString(""))
                .anyMatch(r -> r.contains("Out of stock") && r.contains("Margherita"))).isTrue();
        Response intent = platform.payments.post("/api/v1/payments/intents", Map.of("orderId", orderId),
                customer.token());
        assertThat(intent.status()).as(intent.toString()).isEqualTo(409);
        assertThat(intent.text("type")).endsWith("order-cancelled");
        JsonNode payment = awaitPayment(orderId, customer, "CANCELLED");
        assertThat(payment.path("capturedMinor").asLong()).as("never charged").isZero();
        assertThat(payment.path("providerReference").isNull()).as("no intent was ever opened").isTrue();
    }

    private static void awaitFullStock(Vendor vendor, int units) {
        await("units back on the shelf").atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode stock = stock(vendor, "Margherita");
            assertThat(stock.path("available").asInt()).isEqualTo(units);
            assertThat(stock.path("reserved").asInt()).isZero();
            assertThat(stock.path("sold").asInt()).isZero();
        });
    }

    private static Vendor shopWithLastUnits(String name, double[] at, int units) {
        Actor owner = person("VENDOR", "Owner of " + name);
        return city.vendor(owner, name, "FOOD", List.of("italian", "pizza"), at[0], at[1], 3.0, 0, 250,
                List.of(new Dish("Pizza", "Margherita", 900, units, 1)));
    }

    private static int indexOf(List<Attempt> outcomes, String orderId) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (orderId.equals(outcomes.get(i).orderId())) {
                return i;
            }
        }
        throw new IllegalArgumentException(orderId);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
