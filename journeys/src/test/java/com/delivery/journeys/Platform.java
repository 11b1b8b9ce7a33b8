package com.delivery.journeys;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The platform as the apps see it: one REST client per service, accounts, logins. Base URLs come from
 * {@code <SERVICE>_URL} environment variables (or system properties {@code journeys.<service>.url}), defaulting to
 * the local ports of {@code scripts/fleet.sh}.
 */
final class Platform {

    public static final String ADMIN_EMAIL = setting("ADMIN_EMAIL", "admin@delivery.local");
    public static final String ADMIN_PASSWORD = setting("ADMIN_PASSWORD", "Local-Dev-Pass-2026");

    public final ApiClient users = client("user", 3001);
    public final ApiClient orders = client("order", 3002);
    public final ApiClient vendors = client("vendor", 3003);
    public final ApiClient drivers = client("driver", 3004);
    public final ApiClient payments = client("payment", 3005);
    public final ApiClient tracking = client("tracking", 3006);
    public final ApiClient notifications = client("notification", 3007);
    public final String orderSocketUrl = url("order-socket", 3102);
    public final String trackingSocketUrl = url("tracking-socket", 3106);

    /** A signed-in person: their user id, access token and credentials. */
    public record Actor(String userId, String token, String email, String password, String role, String phone) {
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String url(String service, int port) {
        String property = System.getProperty("journeys." + service + ".url");
        if (property != null && !property.isBlank()) {
            return property;
        }
        return setting(service.toUpperCase().replace('-', '_') + "_URL", "http://127.0.0.1:" + port);
    }

    private static ApiClient client(String service, int port) {
        return new ApiClient(url(service, port));
    }

    /** Fails with the call and the answer unless the status is one of {@code expected}. */
    public static Response expect(Response response, String what, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException(what + " answered " + response);
    }

    public Actor admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public Actor login(String email, String password) {
        Response login = expect(users.post("/api/v1/auth/login", Map.of("email", email, "password", password), null),
                "login of " + email, 200);
        return new Actor(login.text("userId"), login.text("accessToken"), email, password, login.text("role"), null);
    }

    /** Registers an account with a unique e-mail under {@code domain} and signs it in. */
    public Actor register(String role, String fullName, String emailPrefix, String domain, String password) {
        String email = emailPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        String phone = "+4915" + (100_000_000L + (long) (Math.random() * 899_999_999L));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("fullName", fullName);
        body.put("phone", phone);
        body.put("role", role);
        body.put("locale", "en");
        expect(users.post("/api/v1/auth/register", body, null), "registration of " + email, 201);
        Actor actor = login(email, password);
        return new Actor(actor.userId(), actor.token(), email, password, role, phone);
    }

    /** Registers a push device for the actor, as the apps do after sign-in. */
    public void registerDevice(Actor actor) {
        expect(notifications.post("/api/v1/notifications/devices",
                Map.of("token", "device-" + UUID.randomUUID(), "platform", "ANDROID"), actor.token()),
                "device of " + actor.email(), 200, 201);
    }
}
