package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A flaky network makes the app send the same checkout twice: the customer gets (and pays for) one order. */
@Order(4)
class IdempotencyJourneyIT extends JourneySupport {

    @Test
    void theSameCheckoutSentTwiceWithOneKeyMakesOneOrder() {
        double[] at = spot();
        Vendor vendor = pizzeria("Pizza " + uniqueWord(), at);
        Actor customer = person("CUSTOMER", "Ida Impatient");
        Map<String, Object> body = orderBody(vendor, near(at), Map.of("Margherita", 2), 100);
        String key = key();

        // a double tap: both requests at once; one creates the order, the other answers with it
        CompletableFuture<Response> tap = CompletableFuture.supplyAsync(() -> placeOrder(customer, body, key));
        CompletableFuture<Response> doubleTap = CompletableFuture.supplyAsync(() -> placeOrder(customer, body, key));
        List<Response> answers = List.of(tap.join(), doubleTap.join());
        assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 200);
        String orderId = answers.getFirst().text("id");
        assertThat(answers.getLast().text("id")).isEqualTo(orderId);
        // and the app's retry a moment later
        Response again = placeOrder(customer, body, key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(orderId);

        Response otherBody = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 5), 100), key);
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");

        pay(orderId, customer);
        awaitStatus(orderId, customer, "PLACED");
        assertThat(expect(platform.orders.get("/api/v1/orders/user/" + customer.userId(), customer.token()),
                "my orders", 200).json().path("total").asLong()).isEqualTo(1);
        await("stock reserved once").atMost(EVENTUALLY)
                .until(() -> stock(vendor, "Margherita").path("reserved").asInt() == 2);
        assertThat(stock(vendor, "Margherita").path("available").asInt()).isEqualTo(8);
    }
}
