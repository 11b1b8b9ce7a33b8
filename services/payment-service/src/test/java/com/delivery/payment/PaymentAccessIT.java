package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.OrderCreated;
import com.delivery.payment.support.Orders;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentAccessIT extends PaymentIntegrationTest {

    private final UUID ada = UUID.randomUUID();
    private OrderCreated order;
    private String paymentId;

    @BeforeEach
    void adaHasOrdered() {
        order = Orders.pizzaOrder(ada, UUID.randomUUID());
        checkout(order);
        paymentId = awaitIntent(order.orderId()).path("paymentId").asString();
    }

    private Response byOrder(String token) {
        return api.get("/api/v1/payments/orders/" + order.orderId(), token);
    }

    @Test
    void anotherCustomerCannotSeeThePayment() {
        Response response = byOrder(customer(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("secret");
        assertThat(api.get("/api/v1/payments/" + paymentId, customer(UUID.randomUUID())).status()).isEqualTo(403);
    }

    @Test
    void theOrdersVendorCannotSeeTheClientSecretEither() {
        assertThat(byOrder(vendor(order.vendorId())).status()).isEqualTo(403);
    }

    @Test
    void anAdminSeesThePaymentButNotTheClientSecret() {
        Response response = byOrder(admin());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("clientSecret").isNull()).isTrue();
        assertThat(response.json().path("split").path("applicationFeeMinor").asLong()).isEqualTo(744);
    }

    @Test
    void withoutAValidTokenNobodyReadsPayments() {
        assertThat(byOrder(null).status()).isEqualTo(401);
        assertThat(byOrder(TestTokens.forgedToken(ada, "CUSTOMER")).status()).isEqualTo(401);
        assertThat(byOrder(TestTokens.expiredToken(ada, "CUSTOMER")).status()).isEqualTo(401);
        assertThat(byOrder(customer(ada) + "x").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/payments/" + paymentId, null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownOrderHasNoPayment() {
        Response response = api.get("/api/v1/payments/orders/" + UUID.randomUUID(), customer(ada));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOwnerReadsThePaymentByIdToo() {
        Response response = api.get("/api/v1/payments/" + paymentId, customer(ada));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("orderId")).isEqualTo(order.orderId().toString());
        assertThat(response.text("clientSecret")).isNotBlank();
    }
}
