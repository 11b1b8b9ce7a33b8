package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.VendorRegistered;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.StripeRequest;
import com.delivery.testsupport.ApiClient.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The balance of a vendor's connected account and payouts from it, on the connected account (Stripe-Account). */
class VendorFundsIT extends PaymentIntegrationTest {

    private static String base(UUID vendorId) {
        return "/api/v1/payments/vendors/" + vendorId;
    }

    /** Connects through the alias path and returns the account id. */
    private String connected(UUID vendorId, UUID owner) {
        Response created = api.post(base(vendorId) + "/connect", Map.of("country", "DE"), vendor(owner));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("accountId");
    }

    private record ConnectedVendor(UUID id, UUID owner, String accountId) {
    }

    /** A vendor whose owner connected its account, with this EUR balance on it at Stripe. */
    private ConnectedVendor connectedVendor(long available, long pending, long instantAvailable) {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String accountId = connected(vendorId, owner);
        StripeStandIn.balanceOf(accountId, available, pending, instantAvailable);
        return new ConnectedVendor(vendorId, owner, accountId);
    }

    private List<StripeRequest> sentFor(String method, String path, String accountId) {
        return StripeStandIn.requests(method, path).stream().filter(r -> accountId.equals(r.stripeAccount()))
                .toList();
    }

    @Test
    void theOwnerReadsTheConnectedAccountsBalance() {
        ConnectedVendor v = connectedVendor(12_500, 3_000, 10_000);

        Response balance = api.get(base(v.id()) + "/balance", vendor(v.owner()));

        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        assertThat(balance.text("vendorId")).isEqualTo(v.id().toString());
        assertThat(balance.text("accountId")).isEqualTo(v.accountId());
        assertThat(balance.json().path("available").get(0).path("amountMinor").asLong()).isEqualTo(12_500);
        assertThat(balance.json().path("available").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(balance.json().path("pending").get(0).path("amountMinor").asLong()).isEqualTo(3_000);
        assertThat(balance.json().path("instantAvailable").get(0).path("amountMinor").asLong()).isEqualTo(10_000);
        assertThat(sentFor("GET", "/v1/balance", v.accountId())).hasSize(1);
        assertThat(api.get(base(v.id()) + "/balance", admin()).status()).isEqualTo(200);
    }

    @Test
    void balanceAndPayoutsAreTheOwnersAndNeedAConnectedAccount() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Map<String, Object> payout = Map.of("amountMinor", 500, "currency", "EUR", "method", "standard");

        assertThat(api.get(base(vendorId) + "/balance", null).status()).isEqualTo(401);
        assertThat(api.post(base(vendorId) + "/payouts", payout, null).status()).isEqualTo(401);
        Response none = api.get(base(vendorId) + "/balance", admin());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("type")).endsWith("/problems/no-connected-account");
        assertThat(api.post(base(vendorId) + "/payouts", payout, admin()).status()).isEqualTo(409);

        connected(vendorId, owner);
        UUID stranger = UUID.randomUUID();
        assertThat(api.get(base(vendorId) + "/balance", vendor(stranger)).status()).isEqualTo(403);
        assertThat(api.post(base(vendorId) + "/payouts", payout, vendor(stranger)).status()).isEqualTo(403);
    }

    @Test
    void aRegisteredOwnerWithoutAccountGetsAConflict() {
        UUID vendorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        publish(new VendorRegistered(vendorId, owner, "Luigi's Pizzeria", "FOOD"));

        Response none = org.awaitility.Awaitility.await().atMost(EVENTUALLY).until(
                () -> api.get(base(vendorId) + "/balance", vendor(owner)), r -> r.status() != 403);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("type")).endsWith("/problems/no-connected-account");
    }

    @Test
    void theOwnerPaysOutInstantlyOnTheConnectedAccount() {
        ConnectedVendor v = connectedVendor(12_500, 0, 10_000);

        Response created = api.post(base(v.id()) + "/payouts",
                Map.of("amountMinor", 4_200, "currency", "EUR", "method", "instant"), vendor(v.owner()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("payoutId")).startsWith("po_");
        assertThat(created.json().path("amountMinor").asLong()).isEqualTo(4_200);
        assertThat(created.text("currency")).isEqualTo("EUR");
        assertThat(created.text("method")).isEqualTo("instant");
        assertThat(created.text("status")).isEqualTo("pending");
        assertThat(created.text("arrivalDate")).isNotBlank();
        StripeRequest sent = sentFor("POST", "/v1/payouts", v.accountId()).getFirst();
        assertThat(sent.form()).containsEntry("amount", "4200").containsEntry("currency", "eur")
                .containsEntry("method", "instant");
        assertThat(sent.idempotencyKey()).startsWith("payout-" + v.id() + "-");

        Response standard = api.post(base(v.id()) + "/payouts",
                Map.of("amountMinor", 100, "currency", "eur", "method", "standard"), admin());
        assertThat(standard.status()).isEqualTo(201);
        assertThat(standard.text("method")).isEqualTo("standard");
        assertThat(sentFor("POST", "/v1/payouts", v.accountId())).extracting(r -> r.form().get("method"))
                .containsExactlyInAnyOrder("instant", "standard");
    }

    @Test
    void badPayoutsAreRefusedAndStripesRefusalIsAProblem() {
        ConnectedVendor v = connectedVendor(1_000, 0, 0);
        String payouts = base(v.id()) + "/payouts";

        assertThat(api.post(payouts, Map.of("amountMinor", 0, "currency", "EUR", "method", "standard"),
                vendor(v.owner())).status()).isEqualTo(400);
        assertThat(api.post(payouts, Map.of("amountMinor", -5, "currency", "EUR", "method", "standard"),
                vendor(v.owner())).status()).isEqualTo(400);
        assertThat(api.post(payouts, Map.of("amountMinor", 5, "currency", "EUR", "method", "express"),
                vendor(v.owner())).status()).isEqualTo(400);
        assertThat(api.post(payouts, Map.of("amountMinor", 5, "method", "standard"), vendor(v.owner())).status())
                .isEqualTo(400);
        assertThat(sentFor("POST", "/v1/payouts", v.accountId())).isEmpty();

        Response refused = api.post(payouts, Map.of("amountMinor", 500, "currency", "EUR", "method", "instant"),
                vendor(v.owner()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/payout-refused");
        assertThat(refused.text("providerCode")).isEqualTo("balance_insufficient");
        assertThat(refused.text("detail")).contains("insufficient funds");
    }
}
