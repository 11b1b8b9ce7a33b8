package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.PayoutPaid;
import com.delivery.events.Topics;
import com.delivery.events.VendorRegistered;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.StripeRequest;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectAndPayoutIT extends PaymentIntegrationTest {

    private String connectPath(UUID vendorId) {
        return "/api/v1/payments/vendors/" + vendorId + "/connect-account";
    }

    private JsonNode paidOrder(OrderCreated order) {
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        StripeStandIn.customerPaid(intentId);
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, order.totalMinor(), order.currency(),
                Map.of())));
        return awaitPaymentStatus(order.orderId(), "SUCCEEDED");
    }

    @Test
    void aVendorConnectsAnExpressAccountAndGetsAnOnboardingLink() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();

        Response created = api.post(connectPath(vendorId), Map.of("country", "AT"), vendor(owner));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String accountId = created.text("accountId");
        assertThat(accountId).startsWith("acct_");
        assertThat(created.text("status")).isEqualTo("ONBOARDING");
        assertThat(created.text("onboardingUrl")).startsWith("https://connect.stripe.com/setup/e/" + accountId);
        StripeRequest sent = StripeStandIn.requests("POST", "/v1/accounts").stream()
                .filter(r -> vendorId.toString().equals(r.form().get("metadata[vendorId]"))).findFirst().orElseThrow();
        assertThat(sent.form()).containsEntry("type", "express").containsEntry("country", "AT")
                .containsEntry("email", owner + "@test.local")
                .containsEntry("capabilities[card_payments][requested]", "true")
                .containsEntry("capabilities[transfers][requested]", "true");
        assertThat(sent.idempotencyKey()).isEqualTo("connect-account-" + vendorId);
        StripeRequest link = StripeStandIn.requests("POST", "/v1/account_links").stream()
                .filter(r -> accountId.equals(r.form().get("account"))).findFirst().orElseThrow();
        assertThat(link.form()).containsEntry("type", "account_onboarding").containsKeys("refresh_url", "return_url");

        Response again = api.post(connectPath(vendorId), null, vendor(owner));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("accountId")).isEqualTo(accountId);
        assertThat(again.text("onboardingUrl")).isNotBlank();

        Response read = api.get(connectPath(vendorId), vendor(owner));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("accountId")).isEqualTo(accountId);
        assertThat(api.get(connectPath(vendorId), admin()).status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesOrReconnectsAVendorsAccount() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        assertThat(api.post(connectPath(vendorId), null, vendor(owner)).status()).isEqualTo(201);

        assertThat(api.get(connectPath(vendorId), vendor(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.post(connectPath(vendorId), null, vendor(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(connectPath(vendorId), customer(owner)).status()).isEqualTo(200);
        assertThat(api.get(connectPath(vendorId), null).status()).isEqualTo(401);
        assertThat(api.post(connectPath(UUID.randomUUID()), null, customer(UUID.randomUUID())).status())
                .isEqualTo(403);
        assertThat(api.get(connectPath(UUID.randomUUID()), vendor(owner)).status()).isEqualTo(404);
        assertThat(api.post(connectPath(UUID.randomUUID()), Map.of("country", "Germany"), vendor(owner)).status())
                .isEqualTo(400);
    }

    private void registered(UUID vendorId, UUID owner) {
        publish(new VendorRegistered(vendorId, owner, "Luigi's Pizzeria", "FOOD"));
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM vendor_owners WHERE vendor_id = ?", Integer.class, vendorId) == 1);
    }

    @Test
    void onlyTheRegisteredOwnerConnectsAVendor() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        registered(vendorId, owner);

        assertThat(api.post(connectPath(vendorId), null, vendor(UUID.randomUUID())).status()).isEqualTo(403);
        Response created = api.post(connectPath(vendorId), null, vendor(owner));

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get(connectPath(vendorId), vendor(owner)).status()).isEqualTo(200);
    }

    @Test
    void anAccountClaimedBeforeTheVendorWasKnownPassesToTheRegisteredOwner() {
        UUID vendorId = UUID.randomUUID();
        UUID claimant = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        assertThat(api.post(connectPath(vendorId), null, vendor(claimant)).status()).isEqualTo(201);

        registered(vendorId, owner);

        await().atMost(EVENTUALLY).until(() -> api.get(connectPath(vendorId), vendor(owner)).status() == 200);
        assertThat(api.get(connectPath(vendorId), vendor(claimant)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/payments/vendors/" + vendorId + "/payouts", vendor(claimant)).status())
                .isEqualTo(403);
    }

    @Test
    void theRegisteredOwnerSeesPayoutsPendingForAnAccount() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        registered(vendorId, owner);
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), vendorId);
        paidOrder(order);

        publish(Orders.delivered(order));

        JsonNode items = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/payments/vendors/" + vendorId
                + "/payouts", vendor(owner)).json().path("items"), found -> found.size() == 1);
        assertThat(items.get(0).path("status").asString()).isEqualTo("PENDING_ACCOUNT");
    }

    @Test
    void aStripeRefusalBecomesAClearProblemAndStoresNothing() {
        UUID vendorId = UUID.randomUUID();

        Response refused = api.post(connectPath(vendorId), Map.of("country", "ZZ"), vendor(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("/problems/payment-provider-error");
        assertThat(refused.text("providerCode")).isEqualTo("country_unsupported");
        assertThat(refused.text("detail")).contains("doesn't support connected accounts");
        assertThat(api.get(connectPath(vendorId), admin()).status()).isEqualTo(404);
    }

    @Test
    void finishedOnboardingReportedByStripeEnablesDestinationCharges() {
        ConnectedVendor luigi = connectedVendor();

        Response account = api.get(connectPath(luigi.vendorId()), vendor(luigi.ownerId()));

        assertThat(account.text("status")).isEqualTo("ENABLED");
        assertThat(account.json().path("chargesEnabled").asBoolean()).isTrue();
        assertThat(account.json().path("payoutsEnabled").asBoolean()).isTrue();
    }

    @Test
    void deliveringAnOrderPaysOutTheVendorsShare() {
        ConnectedVendor luigi = connectedVendor();
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), luigi.vendorId());
        JsonNode payment = paidOrder(order);

        try (EventProbe probe = EventProbe.open(Topics.PAYOUT_PAID)) {
            publish(Orders.delivered(order));

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> paid = probe.valuesFor(luigi.vendorId().toString());
                assertThat(paid).hasSize(1);
                EventEnvelope<PayoutPaid> event = EventCodec.decode(paid.getFirst(), PayoutPaid.class);
                assertThat(event.payload().amountMinor()).isEqualTo(2205);
                assertThat(event.payload().currency()).isEqualTo("EUR");
                assertThat(event.payload().orderId()).isEqualTo(order.orderId());
                assertThat(event.payload().providerReference()).startsWith("tr_");
            });
        }
        String intentId = payment.path("providerReference").asString();
        assertThat(StripeStandIn.requests("GET", "/v1/payment_intents/" + intentId)).isNotEmpty();

        Response payouts = api.get("/api/v1/payments/vendors/" + luigi.vendorId() + "/payouts", vendor(luigi.ownerId()));
        assertThat(payouts.status()).isEqualTo(200);
        assertThat(payouts.json().path("total").asLong()).isEqualTo(1);
        JsonNode payout = payouts.json().path("items").get(0);
        assertThat(payout.path("status").asString()).isEqualTo("PAID");
        assertThat(payout.path("amountMinor").asLong()).isEqualTo(2205);
        assertThat(payout.path("orderId").asString()).isEqualTo(order.orderId().toString());

        // a redelivered order.delivered pays nothing twice
        publish(Orders.delivered(order));
        assertThat(api.get("/api/v1/payments/vendors/" + luigi.vendorId() + "/payouts", admin()).json()
                .path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aTransferReportedByStripeBeforeDeliveryIsUsedAtDelivery() {
        ConnectedVendor luigi = connectedVendor();
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), luigi.vendorId());
        String intentId = paidOrder(order).path("providerReference").asString();
        assertAccepted(postWebhook(StripeEvents.chargeSucceeded(intentId, 2949, "EUR", "tr_reported_by_webhook")));

        publish(Orders.delivered(order));

        JsonNode payout = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/payments/vendors/"
                + luigi.vendorId() + "/payouts", admin()).json().path("items"), items -> items.size() == 1).get(0);
        assertThat(payout.path("status").asString()).isEqualTo("PAID");
        assertThat(payout.path("providerReference").asString()).isEqualTo("tr_reported_by_webhook");
    }

    @Test
    void aVendorWithoutConnectedAccountKeepsAPendingPayoutAndNoEvent() {
        UUID vendorId = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), vendorId);
        paidOrder(order);

        publish(Orders.delivered(order));

        JsonNode payout = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/payments/vendors/" + vendorId
                + "/payouts", admin()).json().path("items"), items -> items.size() == 1).get(0);
        assertThat(payout.path("status").asString()).isEqualTo("PENDING_ACCOUNT");
        assertThat(payout.path("amountMinor").asLong()).isEqualTo(2205);
        assertThat(outboxCount(Topics.PAYOUT_PAID, vendorId.toString())).isZero();
    }

    @Test
    void payoutsAreForTheAccountOwnerAndAdminsOnly() {
        ConnectedVendor luigi = connectedVendor();
        String payouts = "/api/v1/payments/vendors/" + luigi.vendorId() + "/payouts";

        assertThat(api.get(payouts, vendor(luigi.ownerId())).status()).isEqualTo(200);
        assertThat(api.get(payouts, admin()).status()).isEqualTo(200);
        assertThat(api.get(payouts, vendor(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(payouts, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/payments/vendors/" + UUID.randomUUID() + "/payouts", vendor(luigi.ownerId()))
                .status()).isEqualTo(403);
        assertThat(api.get(payouts + "?size=1000", admin()).status()).isEqualTo(400);
    }
}
