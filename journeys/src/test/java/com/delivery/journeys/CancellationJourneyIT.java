package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customer changes their mind after paying: the money goes back and the pizzas go back on the shelf. */
@Order(2)
class CancellationJourneyIT extends JourneySupport {

    @Test
    void cancellingAPaidOrderRefundsItAndReleasesTheStock() {
        double[] at = spot();
        Vendor vendor = pizzeria("Pizzeria " + uniqueWord(), at);
        Actor customer = person("CUSTOMER", "Cem Canceller");

        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 3), 0), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        long total = placed.json().path("totalMinor").asLong();
        pay(orderId, customer);
        awaitStatus(orderId, customer, "PLACED");
        await("stock reserved").atMost(EVENTUALLY)
                .until(() -> stock(vendor, "Margherita").path("reserved").asInt() == 3);

        JsonNode cancelled = expect(platform.orders.post("/api/v1/orders/" + orderId + "/cancel",
                Map.of("reason", "Ordered by mistake"), customer.token()), "cancel", 200).json();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");

        JsonNode refunded = awaitPayment(orderId, customer, "REFUNDED");
        assertThat(refunded.path("refundedMinor").asLong()).isEqualTo(total);
        assertThat(refunded.path("refundableMinor").asLong()).isZero();
        awaitOrder(orderId, customer, "order shows the refund", o -> o.path("refundedMinor").asLong() == total);
        await("stock released").atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode stock = stock(vendor, "Margherita");
            assertThat(stock.path("reserved").asInt()).isZero();
            assertThat(stock.path("available").asInt()).isEqualTo(10);
        });
        await("customer and vendor told").atMost(EVENTUALLY).untilAsserted(() -> assertThat(notificationsOf(orderId))
                .filteredOn(n -> n.path("eventType").asString().equals("order.cancelled"))
                .extracting(n -> n.path("recipientId").asString())
                .contains(customer.userId(), vendor.owner().userId()));
    }
}
