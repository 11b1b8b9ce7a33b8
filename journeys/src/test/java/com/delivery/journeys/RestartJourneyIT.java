package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The order service goes down in the middle of a journey, right when the payment lands: nothing is lost (the order
 * becomes PLACED once it is back) and nothing is doubled (one order, one PLACED, one capture, one reservation).
 * Runs last: it restarts a service.
 */
@Order(100)
class RestartJourneyIT extends JourneySupport {

    @Test
    void anOrderServiceRestartMidJourneyLosesAndDuplicatesNothing() {
        double[] at = spot();
        Vendor vendor = pizzeria("Trattoria " + uniqueWord(), at);
        Actor customer = person("CUSTOMER", "Rita Restart");
        String key = key();
        Map<String, Object> body = orderBody(vendor, near(at), Map.of("Margherita", 2), 0);
        Response placed = placeOrder(customer, body, key);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        long total = placed.json().path("totalMinor").asLong();
        JsonNode payment = awaitPayment(orderId, customer, "REQUIRES_PAYMENT");

        Fleet.fleet(Duration.ofMinutes(2), "stop", "order");
        try {
            // Stripe confirms the charge while the order service is down, and delivers the webhook twice
            Response webhook = stripe.paymentIntentSucceeded(payment.path("providerReference").asString(), total,
                    payment.path("currency").asString(), payment.path("paymentId").asString());
            assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
            assertThat(webhook.text("outcome")).isEqualTo("APPLIED");
            assertThat(awaitPayment(orderId, customer, "SUCCEEDED").path("capturedMinor").asLong()).isEqualTo(total);
        } finally {
            Fleet.fleet(Duration.ofMinutes(8), "start", "order");
        }

        JsonNode order = awaitStatus(orderId, customer, "PLACED");
        // the app retries its checkout after the outage: still the same single order
        Response retried = placeOrder(customer, body, key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.text("id")).isEqualTo(orderId);
        assertThat(expect(platform.orders.get("/api/v1/orders/user/" + customer.userId(), customer.token()),
                "my orders", 200).json().path("total").asLong()).isEqualTo(1);

        setStatus(orderId, vendor.owner(), "CONFIRMED");
        order = awaitStatus(orderId, customer, "CONFIRMED");
        List<String> changes = new ArrayList<>();
        order.path("timeline").forEach(t -> {
            if (t.path("kind").asString().equals("STATUS_CHANGED")) {
                changes.add(t.path("to").asString());
            }
        });
        assertThat(changes).containsExactly("PLACED", "CONFIRMED");
        await("stock reserved once").atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode stock = stock(vendor, "Margherita");
            assertThat(stock.path("available").asInt()).isEqualTo(8);
        });
        JsonNode paid = awaitPayment(orderId, customer, "SUCCEEDED");
        assertThat(paid.path("capturedMinor").asLong()).isEqualTo(total);
        assertThat(paid.path("refundedMinor").asLong()).isZero();
    }
}
