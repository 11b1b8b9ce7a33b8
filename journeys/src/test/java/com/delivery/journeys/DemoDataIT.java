package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.Platform.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code scripts/fleet.sh demo} loads a city whose printed logins work and whose shops and drivers are live. */
@Order(50)
class DemoDataIT extends JourneySupport {

    @Test
    void theDemoCityCanBeTriedWithThePrintedLoginsUpToAnOrderPaidByHand() throws Exception {
        String runId = String.valueOf(10_000 + ThreadLocalRandom.current().nextInt(90_000));
        String output = run(Map.of("DEMO_RUN_ID", runId), "demo");

        List<String[]> logins = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && List.of("customer", "vendor", "driver").contains(columns[0])) {
                logins.add(columns);
            }
        }
        assertThat(logins).extracting(c -> c[0]).containsExactlyInAnyOrder("customer", "vendor", "vendor", "vendor",
                "driver", "driver", "driver", "driver");
        String password = output.replaceAll("(?s).*all passwords: (\\S+).*", "$1");

        // every printed login works
        for (String[] login : logins) {
            Actor actor = platform.login(login[1], password);
            assertThat(actor.userId()).isNotBlank();
        }
        // the customer finds the three shops around the centre, each with something to order
        List<String> vendorIds = logins.stream().filter(c -> c[0].equals("vendor")).map(c -> c[2]).toList();
        JsonNode hits = await("demo vendors searchable").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(platform.vendors.get("/api/v1/vendors/search?lat=52.52&lng=13.405&radiusKm=3"
                        + "&size=100&q=" + runId, null), "search", 200).json().path("items"),
                        items -> HappyPathJourneyIT.texts(items, "vendorId").containsAll(vendorIds));
        assertThat(HappyPathJourneyIT.texts(hits, "category")).contains("FOOD", "GROCERY", "PHARMACY");
        for (String vendorId : vendorIds) {
            JsonNode menu = expect(platform.vendors.get("/api/v1/vendors/" + vendorId + "/menu", admin.token()),
                    "menu", 200).json();
            assertThat(menu.path("sections").size()).isPositive();
        }
        // an order by hand, as the README shows it: the demo customer orders at the pizzeria, fleet.sh pay plays Stripe
        Actor customer = platform.login(logins.stream().filter(c -> c[0].equals("customer")).findFirst().orElseThrow()[1],
                password);
        String pizzeria = null;
        for (JsonNode hit : hits) {
            if (hit.path("category").asString().equals("FOOD") && vendorIds.contains(hit.path("vendorId").asString())) {
                pizzeria = hit.path("vendorId").asString();
            }
        }
        JsonNode dish = null;  // the dearest, so two of them clear the zone's minimum order
        for (JsonNode section : expect(platform.vendors.get("/api/v1/vendors/" + pizzeria + "/menu", customer.token()),
                "menu", 200).json().path("sections")) {
            for (JsonNode item : section.path("items")) {
                if (dish == null || item.path("priceMinor").asLong() > dish.path("priceMinor").asLong()) {
                    dish = item;
                }
            }
        }
        String orderId = expect(placeOrder(customer, Map.of("vendorId", pizzeria,
                "items", List.of(Map.of("menuItemId", dish.path("id").asString(), "quantity", 2)),
                "deliveryAddress", Map.of("line1", "Torstraße 49", "city", "Berlin", "postalCode", "10119",
                        "lat", 52.5291, "lng", 13.4013)), key()), "order by hand", 201).json().path("id").asString();
        String paid = run(Map.of("STRIPE_WEBHOOK_SECRET", Fleet.WEBHOOK_SECRET), "pay", orderId);
        assertThat(paid).contains("payment_intent.succeeded for order " + orderId);
        JsonNode placed = awaitStatus(orderId, customer, "PLACED");
        assertThat(placed.path("totalMinor").asLong()).isGreaterThan(2 * dish.path("priceMinor").asLong());
        // and a declined card, played the same way, cancels the next one
        Map<String, Object> again = Map.of("vendorId", pizzeria,
                "items", List.of(Map.of("menuItemId", dish.path("id").asString(), "quantity", 2)),
                "deliveryAddress", Map.of("line1", "Torstraße 49", "city", "Berlin", "lat", 52.5291, "lng", 13.4013));
        String declinedId = expect(placeOrder(customer, again, key()), "second order", 201).json().path("id").asString();
        assertThat(script("stripe-webhook.sh", Map.of("STRIPE_WEBHOOK_SECRET", Fleet.WEBHOOK_SECRET), "failed",
                declinedId)).contains("payment_intent.payment_failed for order " + declinedId);
        awaitStatus(declinedId, customer, "CANCELLED");

        // the drivers are approved and online
        for (String[] driver : logins.stream().filter(c -> c[0].equals("driver")).toList()) {
            JsonNode profile = expect(platform.drivers.get("/api/v1/drivers/" + driver[2], admin.token()), "driver",
                    200).json();
            assertThat(profile.path("status").asString()).isEqualTo("APPROVED");
            assertThat(profile.path("online").asBoolean()).isTrue();
        }
    }

    /** {@code scripts/fleet.sh <args>} with extra environment; its output, after asserting it succeeded. */
    private static String run(Map<String, String> environment, String... args) throws Exception {
        return script("fleet.sh", environment, args);
    }

    private static String script(String name, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Fleet.root().resolve("scripts/" + name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Fleet.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s %s:%n%s", name, String.join(" ", args), output).isZero();
        return output;
    }
}
