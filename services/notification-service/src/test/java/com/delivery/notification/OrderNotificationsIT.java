package com.delivery.notification;

import static com.delivery.notification.support.ProviderStandIns.fcmRequestsFor;
import static com.delivery.notification.support.ProviderStandIns.sendGridRequestsTo;
import static com.delivery.notification.support.ProviderStandIns.twilioRequestsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.Topics;
import com.delivery.notification.support.Events;
import com.delivery.notification.support.ProviderStandIns;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderNotificationsIT extends NotificationServiceTestBase {

    @Test
    void orderCreatedTellsTheCustomerByPushAndEmailAndTheVendorByPushAndSmsWithTheRealDetails() {
        Person customer = knownPerson("CUSTOMER", "en-GB");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        String customerDevice = registerDevice(customer);
        String vendorDevice = registerDevice(owner);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        awaitStatuses(created.eventId(), owner.id(), Map.of("PUSH", "DELIVERED", "SMS", "DELIVERED"));

        JsonNode customerPush = single(fcmRequestsFor(customerDevice)).path("message");
        assertThat(customerPush.path("token").asString()).isEqualTo(customerDevice);
        assertThat(customerPush.path("notification").path("title").asString())
                .isEqualTo("Order received: Luigi's Pizzeria");
        assertThat(customerPush.path("notification").path("body").asString())
                .isEqualTo("2 × Pizza Margherita, 1 × Tiramisu · €29.49. Ready in about 15 min.");
        assertThat(customerPush.path("data").path("orderId").asString()).isEqualTo(created.payload().orderId().toString());
        assertThat(customerPush.path("data").path("type").asString()).isEqualTo("order.created");

        JsonNode email = single(sendGridRequestsTo(customer.email()));
        assertThat(email.path("from").path("email").asString()).isEqualTo(ProviderStandIns.SENDGRID_FROM);
        assertThat(email.path("personalizations").path(0).path("to").path(0).path("email").asString())
                .isEqualTo(customer.email());
        assertThat(email.path("subject").asString()).isEqualTo("Your order from Luigi's Pizzeria (€29.49)");
        assertThat(email.path("content").path(0).path("type").asString()).isEqualTo("text/html");
        assertThat(email.path("content").path(0).path("value").asString())
                .contains("Hi Ada,", "Luigi&#39;s Pizzeria", "2 × Pizza Margherita", "€19.00", "1 × Tiramisu",
                        "€5.50", "Delivery fee", "€2.99", "Tip", "€2.00", "<strong>€29.49</strong>",
                        "ready in about 15 minutes", "Torstraße 49, 10119 Berlin");

        JsonNode vendorPush = single(fcmRequestsFor(vendorDevice)).path("message");
        String orderRef = created.payload().orderId().toString().substring(0, 8).toUpperCase();
        assertThat(vendorPush.path("notification").path("title").asString()).isEqualTo("New order " + orderRef);
        assertThat(vendorPush.path("notification").path("body").asString())
                .isEqualTo("2 × Pizza Margherita, 1 × Tiramisu · €29.49");

        Map<String, String> sms = single(twilioRequestsTo(owner.phone()));
        assertThat(sms).containsEntry("To", owner.phone()).containsEntry("From", ProviderStandIns.TWILIO_FROM);
        assertThat(sms.get("Body")).isEqualTo("New order " + orderRef
                + " for Luigi's Pizzeria: 2 x Pizza Margherita, 1 x Tiramisu. Total €29.49.");
    }

    @Test
    void aGermanSpeakingCustomerGetsTheGermanTemplatesWithEurosWrittenTheGermanWay() {
        Person customer = knownPerson("CUSTOMER", "de-DE");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        String device = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        JsonNode push = single(fcmRequestsFor(device)).path("message").path("notification");
        assertThat(push.path("title").asString()).isEqualTo("Bestellung eingegangen: Luigi's Pizzeria");
        assertThat(push.path("body").asString())
                .isEqualTo("2 × Pizza Margherita, 1 × Tiramisu · 29,49\u00a0€. Fertig in etwa 15 Min.");
        JsonNode email = single(sendGridRequestsTo(customer.email()));
        assertThat(email.path("subject").asString()).isEqualTo("Deine Bestellung bei Luigi's Pizzeria (29,49\u00a0€)");
        assertThat(email.path("content").path(0).path("value").asString())
                .contains("Hallo Ada,", "Liefergebühr", "2,99\u00a0€", "Gesamt", "29,49\u00a0€");
    }

    @Test
    void aLanguageWithoutTemplatesFallsBackToEnglish() {
        Person customer = knownPerson("CUSTOMER", "fr-FR");
        String device = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        assertThat(single(fcmRequestsFor(device)).path("message").path("notification").path("title").asString())
                .isEqualTo("Order received: Luigi's Pizzeria");
        assertThat(jdbc.queryForObject("SELECT locale FROM notifications WHERE event_id = ? AND recipient_id = ?"
                + " AND channel = 'PUSH'", String.class, created.eventId(), customer.id())).isEqualTo("en");
    }

    @Test
    void theDeliveredReceiptListsTheItemsOfTheOriginalOrder() {
        Person customer = knownPerson("CUSTOMER", "en");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));

        EventEnvelope<OrderDelivered> delivered = Events.delivered(created.payload(), UUID.randomUUID());
        publish(Topics.ORDER_DELIVERED, delivered);

        awaitStatuses(delivered.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        JsonNode receipt = sendGridRequestsTo(customer.email()).stream()
                .filter(mail -> mail.path("subject").asString().startsWith("Your receipt")).findFirst().orElseThrow();
        assertThat(receipt.path("subject").asString()).isEqualTo("Your receipt from Luigi's Pizzeria (€29.49)");
        assertThat(receipt.path("content").path(0).path("value").asString())
                .contains("has been delivered", "2 × Pizza Margherita", "1 × Tiramisu", "<strong>€29.49</strong>");
    }

    @Test
    void aCancelledOrderIsExplainedToTheCustomerAndTheVendor() {
        Person customer = knownPerson("CUSTOMER", "en");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        String customerDevice = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        EventEnvelope<OrderCancelled> cancelled = Events.rejectedByVendor(created.payload());
        publish(Topics.ORDER_CANCELLED, cancelled);

        awaitStatuses(cancelled.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        awaitStatuses(cancelled.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(fcmRequestsFor(customerDevice).getLast().path("message").path("notification").path("body").asString())
                .isEqualTo("Luigi's Pizzeria could not accept your order. Any payment will be refunded.");
        assertThat(twilioRequestsTo(owner.phone()).getLast().get("Body"))
                .contains("was cancelled. You declined it. Do not prepare it.");
    }

    @Test
    void anOutOfStockCancellationNamesTheItemAndTellsTheCustomerNothingWasCharged() {
        Person customer = knownPerson("CUSTOMER", "en");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        String customerDevice = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        EventEnvelope<OrderCancelled> cancelled = Events.outOfStock(created.payload(), "Tiramisu: 1 ordered, 0 left");
        publish(Topics.ORDER_CANCELLED, cancelled);

        awaitStatuses(cancelled.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        awaitStatuses(cancelled.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        JsonNode push = fcmRequestsFor(customerDevice).getLast().path("message").path("notification");
        assertThat(push.path("title").asString()).isEqualTo("Order cancelled");
        assertThat(push.path("body").asString()).isEqualTo("Luigi's Pizzeria does not have enough in stock"
                + " (Tiramisu: 1 ordered, 0 left), so your order was cancelled. You were not charged.");
        JsonNode email = sendGridRequestsTo(customer.email()).stream()
                .filter(mail -> mail.path("subject").asString().endsWith("was cancelled")).findFirst().orElseThrow();
        assertThat(email.path("subject").asString()).isEqualTo("Your order from Luigi's Pizzeria was cancelled");
        assertThat(email.path("content").path(0).path("value").asString())
                .contains("Luigi&#39;s Pizzeria does not have enough in stock", "(Tiramisu: 1 ordered, 0 left)",
                        "You were not charged.")
                .doesNotContain("refund");
        assertThat(twilioRequestsTo(owner.phone()).getLast().get("Body")).isEqualTo("Order "
                + orderRef(created) + " for Luigi's Pizzeria was cancelled. Not enough stock"
                + " (Tiramisu: 1 ordered, 0 left). Do not prepare it.");
    }

    @Test
    void aVendorWhoDidNotAnswerInTimeIsExplainedAndTheCustomerIsPromisedAFullRefund() {
        Person customer = knownPerson("CUSTOMER", "de-DE");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        String customerDevice = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        EventEnvelope<OrderCancelled> cancelled = Events.vendorTimedOut(created.payload());
        publish(Topics.ORDER_CANCELLED, cancelled);

        awaitStatuses(cancelled.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        awaitStatuses(cancelled.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        JsonNode push = fcmRequestsFor(customerDevice).getLast().path("message").path("notification");
        assertThat(push.path("title").asString()).isEqualTo("Bestellung storniert");
        assertThat(push.path("body").asString()).isEqualTo("Luigi's Pizzeria hat nicht rechtzeitig auf deine"
                + " Bestellung reagiert, daher wurde sie storniert. Du bekommst den vollen Betrag von 29,49\u00a0€"
                + " erstattet.");
        JsonNode email = sendGridRequestsTo(customer.email()).stream()
                .filter(mail -> mail.path("subject").asString().endsWith("wurde storniert")).findFirst().orElseThrow();
        assertThat(email.path("subject").asString()).isEqualTo("Deine Bestellung bei Luigi's Pizzeria wurde storniert");
        assertThat(email.path("content").path(0).path("value").asString())
                .contains("Luigi&#39;s Pizzeria hat nicht rechtzeitig auf deine Bestellung " + orderRef(created)
                        + " reagiert", "vollen Betrag von 29,49\u00a0€", "2 × Pizza Margherita")
                .doesNotContain("Falls du belastet wurdest", "nichts berechnet");
        assertThat(twilioRequestsTo(owner.phone()).getLast().get("Body")).isEqualTo("Order "
                + orderRef(created) + " for Luigi's Pizzeria was cancelled. It was not accepted in time."
                + " Do not prepare it.");
    }

    @Test
    void aCustomerWhoOrdersBeforeTheirSignUpReachedUsStillGetsTheReceipt() {
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = vendorOwnedBy(owner);
        UUID customerId = UUID.randomUUID();
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customerId, vendorId);

        publish(Topics.ORDER_CREATED, created);

        // the order was handled (the vendor is told) while the customer was still unknown: nothing dropped for them
        awaitStatuses(created.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(statusesFor(created.eventId(), customerId)).isEmpty();

        String email = "late-" + customerId + "@example.com";
        publish(Topics.USER_REGISTERED, Events.registered(customerId, email, uniquePhone(), "Ada Lovelace", "CUSTOMER",
                "en"));

        awaitStatuses(created.eventId(), customerId, Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        assertThat(sendGridRequestsTo(email)).extracting(mail -> mail.path("subject").asString())
                .contains("Your order from Luigi's Pizzeria (€29.49)");
        assertThat(statusesFor(created.eventId(), owner.id())).as("the vendor is not told twice")
                .isEqualTo(Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(twilioRequestsTo(owner.phone())).hasSize(1);
    }

    @Test
    void aRefundAfterCancellationTellsTheCustomerTheAmountByPushAndEmail() {
        Person customer = knownPerson("CUSTOMER", "en");
        UUID vendorId = vendorOwnedBy(knownPerson("VENDOR", "en"));
        String device = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        EventEnvelope<PaymentRefunded> refunded = Events.refundedAfterCancel(created.payload());
        publish(Topics.PAYMENT_REFUNDED, refunded);

        awaitStatuses(refunded.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        JsonNode push = fcmRequestsFor(device).getLast().path("message").path("notification");
        assertThat(push.path("title").asString()).isEqualTo("Refund of €29.49 on its way");
        assertThat(push.path("body").asString()).isEqualTo("Your order from Luigi's Pizzeria was cancelled. €29.49 goes"
                + " back to your payment method within 5-10 business days.");
        JsonNode email = sendGridRequestsTo(customer.email()).stream()
                .filter(mail -> mail.path("subject").asString().startsWith("We refunded")).findFirst().orElseThrow();
        assertThat(email.path("subject").asString()).isEqualTo("We refunded €29.49");
        assertThat(email.path("content").path(0).path("value").asString())
                .contains("Luigi&#39;s Pizzeria was cancelled", "<strong>€29.49</strong>");
    }

    @Test
    void noDriverAvailableTellsTheCustomerThatTheSearchGoesOn() {
        Person customer = knownPerson("CUSTOMER", "de-DE");
        UUID vendorId = vendorOwnedBy(knownPerson("VENDOR", "en"));
        String device = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        EventEnvelope<DriverUnavailable> unavailable = Events.noDriver(created.payload());
        publish(Topics.DRIVER_UNAVAILABLE, unavailable);

        awaitStatuses(unavailable.eventId(), customer.id(), Map.of("PUSH", "DELIVERED"));
        JsonNode push = fcmRequestsFor(device).getLast().path("message").path("notification");
        assertThat(push.path("title").asString()).isEqualTo("Wir suchen noch einen Fahrer");
        assertThat(push.path("body").asString()).isEqualTo("Wir suchen einen Fahrer für deine Bestellung bei Luigi's"
                + " Pizzeria. Wir melden uns, sobald einer unterwegs ist.");
    }

    private static String orderRef(EventEnvelope<OrderCreated> created) {
        return created.payload().orderId().toString().substring(0, 8).toUpperCase();
    }

    private static <T> T single(java.util.List<T> found) {
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
