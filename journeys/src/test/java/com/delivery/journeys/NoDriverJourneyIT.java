package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nobody is on the road near the vendor: matching gives up ({@code driver.unavailable}); the order says so and stays
 * confirmed (never cancelled for it); once a driver is online, ready-for-pickup searches again and finds them.
 */
@Order(3)
class NoDriverJourneyIT extends JourneySupport {

    @Test
    void anOrderWithoutDriverWaitsVisiblyAndIsMatchedOnceADriverIsOnline() {
        double[] at = spot();
        Vendor vendor = pizzeria("Osteria " + uniqueWord(), at);
        Actor customer = person("CUSTOMER", "Nora Nodriver");

        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Tiramisu", 3), 0), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        pay(orderId, customer);
        awaitStatus(orderId, customer, "PLACED");
        setStatus(orderId, vendor.owner(), "CONFIRMED");

        // matching gives up (DRIVER_GIVE_UP_AFTER=20s for the journeys, 5 min by default)
        JsonNode waiting = await("driver unavailable").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> order(orderId, customer), o -> hasTimeline(o, "DRIVER_UNAVAILABLE"));
        assertThat(waiting.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(waiting.path("driver").isNull() || waiting.path("driver").isMissingNode()).isTrue();

        // a driver comes online; the food is ready; the search starts again and the driver gets the job
        Actor driver = city.approvedDriver("Late Larry", "driver", DOMAIN, PASSWORD, "BICYCLE");
        city.goOnline(driver, at[0] + 0.001, at[1] + 0.001);
        setStatus(orderId, vendor.owner(), "PREPARING");
        setStatus(orderId, vendor.owner(), "READY_FOR_PICKUP");
        await("offer after ready").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.drivers.get("/api/v1/drivers/" + driver.userId() + "/offers/current",
                        driver.token()), r -> r.status() == 200 && r.text("orderId").equals(orderId));
        expect(platform.drivers.post("/api/v1/drivers/" + driver.userId() + "/offers/" + orderId + "/accept", null,
                driver.token()), "accept", 200);
        JsonNode matched = awaitOrder(orderId, customer, "driver shown",
                o -> o.path("driver").path("id").asString().equals(driver.userId()));
        assertThat(matched.path("status").asString()).isEqualTo("READY_FOR_PICKUP");
    }

    private static boolean hasTimeline(JsonNode order, String kind) {
        for (JsonNode entry : order.path("timeline")) {
            if (entry.path("kind").asString().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
