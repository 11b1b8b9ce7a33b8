package com.delivery.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.Topics;
import com.delivery.notification.support.Events;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationApiIT extends NotificationServiceTestBase {

    private static final String DEVICES = "/api/v1/notifications/devices";
    private static final String PREFERENCES = "/api/v1/notifications/preferences";
    private static final String HISTORY = "/api/v1/notifications/history";
    private static final String ADMIN = "/api/v1/admin/notifications";

    @Test
    void everyEndpointNeedsAToken() {
        assertThat(api.post(DEVICES, Map.of("token", "abc", "platform", "IOS"), null).status()).isEqualTo(401);
        assertThat(api.delete(DEVICES + "/abc", null).status()).isEqualTo(401);
        assertThat(api.get(PREFERENCES, null).status()).isEqualTo(401);
        assertThat(api.put(PREFERENCES, Map.of("categories", Map.of()), null).status()).isEqualTo(401);
        assertThat(api.get(HISTORY, null).status()).isEqualTo(401);
        Response forged = api.get(HISTORY, TestTokens.forgedToken(UUID.randomUUID(), "CUSTOMER"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserRegistersListsAndRemovesOnlyTheirOwnDevices() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String token = "tok-" + UUID.randomUUID() + ":APA91b-x_y";

        Response registered = api.post(DEVICES, Map.of("token", token, "platform", "IOS"), customer(alice));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("platform")).isEqualTo("IOS");
        assertThat(api.post(DEVICES, Map.of("token", token, "platform", "IOS"), customer(alice)).status())
                .as("registering again is fine").isEqualTo(201);
        assertThat(api.get(DEVICES, customer(alice)).json().size()).isEqualTo(1);
        assertThat(api.get(DEVICES, customer(bob)).json().size()).isZero();

        assertThat(api.delete(DEVICES + "/" + token, customer(bob)).status()).isEqualTo(404);
        assertThat(api.delete(DEVICES + "/" + token, customer(alice)).status()).isEqualTo(204);
        assertThat(api.get(DEVICES, customer(alice)).json().size()).isZero();
        assertThat(api.delete(DEVICES + "/" + token, customer(alice)).status()).isEqualTo(404);
    }

    @Test
    void aTokenRegisteredByTheNextPersonOnTheDeviceMovesToThem() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String token = "tok-" + UUID.randomUUID();
        api.post(DEVICES, Map.of("token", token, "platform", "ANDROID"), customer(first));

        api.post(DEVICES, Map.of("token", token, "platform", "ANDROID"), customer(second));

        assertThat(api.get(DEVICES, customer(first)).json().size()).isZero();
        assertThat(api.get(DEVICES, customer(second)).json().get(0).path("token").asString()).isEqualTo(token);
    }

    @Test
    void deviceRegistrationIsValidated() {
        String user = customer(UUID.randomUUID());

        Response blank = api.post(DEVICES, Map.of("token", " ", "platform", "ANDROID"), user);
        Response noPlatform = api.post(DEVICES, Map.of("token", "abc"), user);
        Response unknownPlatform = api.post(DEVICES, Map.of("token", "abc", "platform", "BLACKBERRY"), user);

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("token");
        assertThat(noPlatform.status()).isEqualTo(400);
        assertThat(unknownPlatform.status()).isEqualTo(400);
    }

    @Test
    void preferencesStartFromTheDefaultsAndChangeOnlyWhatIsSent() {
        String user = customer(UUID.randomUUID());

        JsonNode defaults = api.get(PREFERENCES, user).json().path("categories");
        assertThat(defaults.path("order-updates").path("PUSH").asBoolean()).isTrue();
        assertThat(defaults.path("marketing").path("EMAIL").asBoolean()).as("marketing is opt-in").isFalse();

        Response changed = api.put(PREFERENCES, Map.of("categories", Map.of(
                "marketing", Map.of("EMAIL", true), "order-updates", Map.of("SMS", false))), user);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode now = api.get(PREFERENCES, user).json().path("categories");
        assertThat(now.path("marketing").path("EMAIL").asBoolean()).isTrue();
        assertThat(now.path("marketing").path("PUSH").asBoolean()).isFalse();
        assertThat(now.path("order-updates").path("SMS").asBoolean()).isFalse();
        assertThat(now.path("order-updates").path("EMAIL").asBoolean()).isTrue();
        assertThat(api.get(PREFERENCES, customer(UUID.randomUUID())).json().path("categories").path("marketing")
                .path("EMAIL").asBoolean()).as("someone else's are untouched").isFalse();
    }

    @Test
    void anUnknownCategoryOrChannelIsABadRequest() {
        String user = customer(UUID.randomUUID());

        Response unknownCategory = api.put(PREFERENCES, Map.of("categories", Map.of("gossip", Map.of("SMS", true))),
                user);
        Response unknownChannel = api.put(PREFERENCES, Map.of("categories", Map.of("marketing", Map.of("FAX", true))),
                user);

        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.text("type")).isEqualTo("/problems/unknown-category");
        assertThat(unknownChannel.status()).isEqualTo(400);
    }

    @Test
    void theHistoryShowsMyMessagesOnlyNewestFirstPageByPage() {
        Person me = knownPerson("CUSTOMER", "en");
        Person someoneElse = knownPerson("CUSTOMER", "en");
        EventEnvelope<OrderCreated> first = Events.pizzaOrder(me.id(), UUID.randomUUID());
        EventEnvelope<OrderCreated> second = Events.pizzaOrder(me.id(), UUID.randomUUID());
        publish(Topics.ORDER_CREATED, first);
        awaitStatuses(first.eventId(), me.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        publish(Topics.ORDER_CREATED, second);
        awaitStatuses(second.eventId(), me.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));

        Response page0 = api.get(HISTORY + "?page=0&size=3", customer(me.id()));
        Response page1 = api.get(HISTORY + "?page=1&size=3", customer(me.id()));

        assertThat(page0.status()).isEqualTo(200);
        assertThat(page0.json().path("total").asLong()).isEqualTo(4);
        assertThat(page0.json().path("items").size()).isEqualTo(3);
        assertThat(page1.json().path("items").size()).isEqualTo(1);
        JsonNode newestEmail = page0.json().path("items").valueStream()
                .filter(i -> i.path("channel").asString().equals("EMAIL")).findFirst().orElseThrow();
        assertThat(newestEmail.path("orderId").asString()).isEqualTo(second.payload().orderId().toString());
        assertThat(newestEmail.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(newestEmail.path("subject").asString()).isEqualTo("Your order from Luigi's Pizzeria (€29.49)");
        assertThat(api.get(HISTORY, customer(someoneElse.id())).json().path("total").asLong()).isZero();
        assertThat(api.get(HISTORY + "?size=500", customer(me.id())).status()).isEqualTo(400);
    }

    @Test
    void anAdminSeesWhatWasSentWithEveryAttemptAndNobodyElseDoes() {
        Person customer = knownPerson("CUSTOMER", "en");
        UUID vendorId = vendorOwnedBy(knownPerson("VENDOR", "en"));
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));

        assertThat(api.get(ADMIN, customer(customer.id())).status()).isEqualTo(403);
        assertThat(api.get(ADMIN, null).status()).isEqualTo(401);

        Response byType = api.get(ADMIN + "?recipient=" + customer.id() + "&event=order.created", adminToken());
        assertThat(byType.status()).as(byType.body()).isEqualTo(200);
        assertThat(byType.json().path("total").asLong()).isEqualTo(2);
        Response byEventId = api.get(ADMIN + "?recipient=" + customer.id() + "&event=" + created.eventId()
                + "&channel=EMAIL", adminToken());
        JsonNode email = byEventId.json().path("items").get(0);
        assertThat(email.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(email.path("provider").asString()).isEqualTo("sendgrid");
        assertThat(email.path("providerMessageId").asString()).isEqualTo("sg-stand-in-message");
        assertThat(email.path("destination").asString()).isEqualTo(customer.email());
        assertThat(email.path("body").asString()).contains("Pizza Margherita");
        List<JsonNode> attempts = email.path("deliveryAttempts").valueStream().toList();
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.path("outcome").asString()).isEqualTo("DELIVERED");
            assertThat(a.path("provider").asString()).isEqualTo("sendgrid");
        });
        Response byOrder = api.get(ADMIN + "?order=" + created.payload().orderId(), adminToken());
        assertThat(byOrder.json().path("total").asLong()).as("customer push + email, vendor push + sms").isEqualTo(4);
        assertThat(api.get(ADMIN + "?event=DROP%20TABLE", adminToken()).status()).isEqualTo(400);
    }

    private static String customer(UUID id) {
        return TestTokens.token(id, "CUSTOMER");
    }
}
