package com.delivery.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data made through the public API before a simulation starts (never by touching databases): a pool of
 * users (logged in, registered on the first run), orderable menu items near the customers, orders with payments.
 */
final class Fixtures {

    record Vendor(String vendorId, List<String> itemIds) {
    }

    record PaidOrder(String orderId, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Fixtures() {
    }

    /** Access tokens of {@code count} users of {@code role} (CUSTOMER, DRIVER). */
    static List<String> users(String role, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String email = "loadtest-%s-%d@%s".formatted(role.toLowerCase(), i, LoadConfig.EMAIL_DOMAIN);
            String token = login(email);
            if (token == null) {
                Response registered = post(LoadConfig.USER_URL + "/api/v1/auth/register", Map.of(
                        "email", email, "password", LoadConfig.PASSWORD, "fullName", "Load Test " + role + " " + i,
                        "role", role), null);
                if (registered.status() != 201 && registered.status() != 200 && registered.status() != 409) {
                    throw new IllegalStateException("cannot register " + email + ": " + registered
                            + " (raise the rate limits for load tests, see docs/DEPLOYMENT.md)");
                }
                token = login(email);
            }
            if (token == null) {
                throw new IllegalStateException("cannot log in " + email);
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static String login(String email) {
        Response response = post(LoadConfig.USER_URL + "/api/v1/auth/login",
                Map.of("email", email, "password", LoadConfig.PASSWORD), null);
        return response.status() == 200 ? response.json().path("accessToken").asText(null) : null;
    }

    /** Available menu items within the search radius, grouped by vendor. */
    static List<Vendor> orderableItems() {
        Response response = get(LoadConfig.VENDOR_URL + "/api/v1/menu-items/search?availableOnly=true&lat=%s&lng=%s&radiusKm=%s&size=100"
                .formatted(LoadConfig.LAT, LoadConfig.LNG, LoadConfig.RADIUS_KM), null);
        if (response.status() != 200) {
            throw new IllegalStateException("menu item search failed: " + response);
        }
        Map<String, List<String>> byVendor = new LinkedHashMap<>();
        for (JsonNode hit : response.json().path("items")) {
            byVendor.computeIfAbsent(hit.path("vendorId").asText(), v -> new ArrayList<>()).add(hit.path("menuItemId").asText());
        }
        if (byVendor.isEmpty()) {
            throw new IllegalStateException("no available menu items within %s km of %s,%s: seed approved, open vendors with menus first"
                    .formatted(LoadConfig.RADIUS_KM, LoadConfig.LAT, LoadConfig.LNG));
        }
        return byVendor.entrySet().stream().map(e -> new Vendor(e.getKey(), e.getValue())).toList();
    }

    /** The checkout body of the {@code i}-th order: one to three items of one vendor, delivered near the centre. */
    static String orderBody(Vendor vendor, long i) {
        int lines = 1 + (int) (i % Math.min(3, vendor.itemIds().size()));
        List<Map<String, Object>> items = vendor.itemIds().subList(0, lines).stream()
                .map(id -> Map.<String, Object>of("menuItemId", id, "quantity", 1 + (int) (i % 2))).toList();
        Map<String, Object> body = Map.of(
                "vendorId", vendor.vendorId(),
                "items", items,
                "deliveryAddress", Map.of("line1", "Loadtest Street " + (i % 500), "city", "Berlin", "postalCode", "10115",
                        "lat", LoadConfig.LAT + 0.001, "lng", LoadConfig.LNG + 0.001),
                "tipMinor", 100);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Places {@code count} orders and waits until payment-service has created a payment for each (via Kafka). */
    static List<PaidOrder> ordersWithPayments(List<String> customers, List<Vendor> vendors, int count) {
        List<PaidOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String token = customers.get(i % customers.size());
            Response placed = send(HttpRequest.newBuilder(URI.create(LoadConfig.ORDER_URL + "/api/v1/orders"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(orderBody(vendors.get(i % vendors.size()), i))));
            if (placed.status() != 201 && placed.status() != 200) {
                throw new IllegalStateException("cannot place a setup order: " + placed);
            }
            orders.add(new PaidOrder(placed.json().path("id").asText(), token));
        }
        for (PaidOrder order : orders) {
            boolean found = false;
            for (int attempt = 0; attempt < 30 && !found; attempt++) {
                found = get(LoadConfig.PAYMENT_URL + "/api/v1/payments/orders/" + order.orderId(), order.token()).status() == 200;
                if (!found) {
                    sleep();
                }
            }
            if (!found) {
                throw new IllegalStateException("no payment appeared for order " + order.orderId() + " within 30 s (is Kafka flowing?)");
            }
        }
        return orders;
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private static Response post(String url, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
