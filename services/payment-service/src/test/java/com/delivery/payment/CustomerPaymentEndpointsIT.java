package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.OrderCreated;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.StripeRequest;
import com.delivery.testsupport.ApiClient.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /intents (the order's PaymentIntent for the paying customer) and POST /methods (saved payment methods). */
class CustomerPaymentEndpointsIT extends PaymentIntegrationTest {

    private static final String INTENTS = "/api/v1/payments/intents";
    private static final String METHODS = "/api/v1/payments/methods";

    @Test
    void thePayingCustomerGetsTheIntentCreatedAtCheckoutAndNoSecondOne() {
        UUID customerId = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(customerId, UUID.randomUUID());

        Response early = api.post(INTENTS, Map.of("orderId", order.orderId()), customer(customerId));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.text("type")).endsWith("/problems/intent-not-ready");
        assertThat(early.header("Retry-After")).isEqualTo("1");

        checkout(order);
        JsonNode payment = awaitIntent(order.orderId());

        Response intent = api.post(INTENTS, Map.of("orderId", order.orderId()), customer(customerId));
        assertThat(intent.status()).as(intent.toString()).isEqualTo(200);
        assertThat(intent.text("paymentId")).isEqualTo(payment.path("paymentId").asString());
        assertThat(intent.text("orderId")).isEqualTo(order.orderId().toString());
        assertThat(intent.text("intentId")).isEqualTo(payment.path("providerReference").asString()).startsWith("pi_");
        assertThat(intent.text("clientSecret")).startsWith(intent.text("intentId") + "_secret_");
        assertThat(intent.json().path("amountMinor").asLong()).isEqualTo(order.totalMinor());
        assertThat(intent.text("currency")).isEqualTo(order.currency());
        assertThat(intent.text("status")).isEqualTo("REQUIRES_PAYMENT");

        assertThat(api.post(INTENTS, Map.of("orderId", order.orderId()), customer(customerId)).text("intentId"))
                .isEqualTo(intent.text("intentId"));
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).hasSize(1);
        Response byAdmin = api.post(INTENTS, Map.of("orderId", order.orderId()), admin());
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.text("intentId")).isEqualTo(intent.text("intentId"));
    }

    @Test
    void someoneElsesOrderBadBodiesAndMissingTokensAreRefused() {
        UUID customerId = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(customerId, UUID.randomUUID());
        checkout(order);
        awaitIntent(order.orderId());

        assertThat(api.post(INTENTS, Map.of("orderId", order.orderId()), customer(UUID.randomUUID())).status())
                .isEqualTo(403);
        assertThat(api.post(INTENTS, Map.of("orderId", order.orderId()), null).status()).isEqualTo(401);
        assertThat(api.post(INTENTS, Map.of(), customer(customerId)).status()).isEqualTo(400);
        assertThat(api.post(INTENTS, Map.of("orderId", "not-a-uuid"), customer(customerId)).status()).isEqualTo(400);
        assertThat(api.post(INTENTS, "{", customer(customerId)).status()).isEqualTo(400);
    }

    @Test
    void aCustomerSetsUpAPaymentMethodOnOneStripeCustomerCreatedOnce() {
        UUID customerId = UUID.randomUUID();

        Response first = api.post(METHODS, Map.of(), customer(customerId));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String stripeCustomer = first.text("customerId");
        assertThat(stripeCustomer).startsWith("cus_");
        assertThat(first.text("setupIntentId")).startsWith("seti_");
        assertThat(first.text("clientSecret")).startsWith(first.text("setupIntentId") + "_secret_");

        Response offSession = api.post(METHODS, Map.of("usage", "off_session"), customer(customerId));
        assertThat(offSession.status()).isEqualTo(200);
        assertThat(offSession.text("customerId")).isEqualTo(stripeCustomer);
        assertThat(offSession.text("setupIntentId")).isNotEqualTo(first.text("setupIntentId"));

        Response attached = api.post(METHODS, Map.of("paymentMethodId", "pm_1Qcard" + customerId.toString()
                .substring(0, 8)), customer(customerId));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.text("customerId")).isEqualTo(stripeCustomer);
        assertThat(attached.text("paymentMethodId")).startsWith("pm_1Qcard");
        assertThat(attached.text("brand")).isEqualTo("visa");
        assertThat(attached.text("last4")).isEqualTo("4242");

        List<StripeRequest> customers = StripeStandIn.requests("POST", "/v1/customers").stream()
                .filter(r -> customerId.toString().equals(r.form().get("metadata[userId]"))).toList();
        assertThat(customers).hasSize(1);
        assertThat(customers.getFirst().idempotencyKey()).isEqualTo("customer-" + customerId);
        assertThat(customers.getFirst().form()).containsEntry("email", customerId + "@test.local");
        List<StripeRequest> setups = StripeStandIn.requests("POST", "/v1/setup_intents").stream()
                .filter(r -> stripeCustomer.equals(r.form().get("customer"))).toList();
        assertThat(setups).extracting(r -> r.form().get("usage")).containsExactlyInAnyOrder("on_session", "off_session");
        assertThat(setups).allSatisfy(r -> assertThat(r.idempotencyKey()).startsWith("setup-intent-" + customerId));
        StripeRequest attach = StripeStandIn.requests("POST", "/v1/payment_methods/" + attached.text(
                "paymentMethodId") + "/attach").getFirst();
        assertThat(attach.form()).containsEntry("customer", stripeCustomer);
        assertThat(attach.idempotencyKey()).isEqualTo("attach-" + customerId + "-" + attached.text("paymentMethodId"));
    }

    @Test
    void paymentMethodsAreForCustomersWithValidInputAndStripeErrorsBecomeProblems() {
        UUID customerId = UUID.randomUUID();
        assertThat(api.post(METHODS, Map.of(), null).status()).isEqualTo(401);
        assertThat(api.post(METHODS, Map.of(), vendor(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.post(METHODS, Map.of("usage", "sometimes"), customer(customerId)).status()).isEqualTo(400);
        assertThat(api.post(METHODS, Map.of("paymentMethodId", "card_123"), customer(customerId)).status())
                .isEqualTo(400);

        Response unknown = api.post(METHODS, Map.of("paymentMethodId", "pm_unknown1"), customer(customerId));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(502);
        assertThat(unknown.text("type")).endsWith("/problems/payment-provider-error");
        assertThat(unknown.text("providerCode")).isEqualTo("resource_missing");
        assertThat(unknown.text("detail")).contains("No such payment_method");
    }
}
