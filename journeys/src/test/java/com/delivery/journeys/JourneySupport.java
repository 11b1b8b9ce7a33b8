package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Dish;
import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What every journey shares: the running fleet (started once, {@link Fleet}), the admin, and the steps the apps
 * take. Every journey works in its own random spot so drivers and vendors of other journeys (and earlier runs)
 * are never near.
 */
@ExtendWith(Fleet.class)
abstract class JourneySupport {

    /** Event-driven effects cross Kafka and up to three services; generous for a loaded 2-core machine. */
    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    static final String PASSWORD = "Journey-Pass-2026";
    static final String DOMAIN = "journeys.delivery.example.com";

    static Platform platform;
    static Actor admin;
    static City city;
    static Stripe stripe;

    @BeforeAll
    static void signInAdmin() {
        platform = new Platform();
        admin = platform.admin();
        city = new City(platform, admin);
        stripe = new Stripe(platform.payments, Fleet.WEBHOOK_SECRET);
    }

    /** A spot in Germany away from the demo city (Berlin). */
    static double[] spot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {48.0 + random.nextDouble(3.5), 7.0 + random.nextDouble(5.0)};
    }

    /** A word nobody else uses, so autocomplete and search find exactly this journey's vendor. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        word.append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static Actor person(String role, String name) {
        Actor actor = platform.register(role, name, role.toLowerCase(), DOMAIN, PASSWORD);
        platform.registerDevice(actor);
        return actor;
    }

    /** A pizzeria at {@code at}: Margherita with 10 in stock, Tiramisu made to order; zone 3 km, fee 2.50. */
    static Vendor pizzeria(String name, double[] at) {
        Actor owner = person("VENDOR", "Owner of " + name);
        return city.vendor(owner, name, "FOOD", List.of("italian", "pizza"), at[0], at[1], 3.0, 1000, 250,
                List.of(new Dish("Pizza", "Margherita", 900, 10, 2), new Dish("Dessert", "Tiramisu", 450, null, null)));
    }

    /** Where the customer lives: about 600 m from the vendor. */
    static double[] near(double[] at) {
        return new double[] {at[0] + 0.004, at[1] + 0.004};
    }

    static Map<String, Object> orderBody(Vendor vendor, double[] address, Map<String, Integer> quantities, long tip) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> lines.add(Map.of("menuItemId", vendor.item(item), "quantity", quantity)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vendorId", vendor.id());
        body.put("items", lines);
        body.put("deliveryAddress", Map.of("line1", "Gartenweg 7", "city", "Testhausen", "postalCode", "10117",
                "lat", address[0], "lng", address[1]));
        body.put("tipMinor", tip);
        return body;
    }

    static Response placeOrder(Actor customer, Map<String, Object> body, String idempotencyKey) {
        return platform.orders.send("POST", "/api/v1/orders", body, customer.token(),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    static JsonNode order(String orderId, Actor who) {
        return expect(platform.orders.get("/api/v1/orders/" + orderId, who.token()), "order " + orderId, 200).json();
    }

    static JsonNode awaitOrder(String orderId, Actor who, String what, Predicate<JsonNode> condition) {
        return await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> order(orderId, who), condition::test);
    }

    static JsonNode awaitStatus(String orderId, Actor who, String status) {
        return awaitOrder(orderId, who, "order " + status, o -> o.path("status").asString().equals(status));
    }

    static JsonNode setStatus(String orderId, Actor who, String status) {
        return expect(platform.orders.put("/api/v1/orders/" + orderId + "/status", Map.of("status", status),
                who.token()), who.role() + " sets " + status, 200).json();
    }

    /** The payment the payment service opened for the order (after {@code order.created}). */
    static JsonNode awaitPayment(String orderId, Actor customer, String status) {
        return await("payment " + status).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> platform.payments.get("/api/v1/payments/orders/" + orderId, customer.token()),
                        r -> r.status() == 200 && r.text("status").equals(status))
                .json();
    }

    /** The customer pays: Stripe confirms the intent with a signed {@code payment_intent.succeeded} webhook. */
    static JsonNode pay(String orderId, Actor customer) {
        JsonNode payment = awaitPayment(orderId, customer, "REQUIRES_PAYMENT");
        Response webhook = stripe.paymentIntentSucceeded(payment.path("providerReference").asString(),
                payment.path("amountMinor").asLong(), payment.path("currency").asString(),
                payment.path("paymentId").asString());
        expect(webhook, "payment_intent.succeeded webhook", 200);
        return payment;
    }

    /** Stock of one item as the vendor's app shows it: available and reserved. */
    static JsonNode stock(Vendor vendor, String item) {
        return expect(platform.vendors.get("/api/v1/vendors/" + vendor.id() + "/menu/" + vendor.item(item)
                + "/inventory", vendor.owner().token()), "stock of " + item, 200).json();
    }

    /** What the notification service sent about an order (admin view, local sink included). */
    static List<JsonNode> notificationsOf(String orderId) {
        JsonNode page = expect(platform.notifications.get("/api/v1/admin/notifications?order=" + orderId
                + "&size=200", admin.token()), "notifications of " + orderId, 200).json();
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    static String key() {
        return "checkout-" + UUID.randomUUID();
    }
}
