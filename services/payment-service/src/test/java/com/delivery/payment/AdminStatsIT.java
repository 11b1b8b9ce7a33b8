package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.OrderCreated;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.testsupport.ApiClient.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminStatsIT extends PaymentIntegrationTest {

    /** Only this test pays in Danish kroner, so the day's DKK totals move by exactly what it does. */
    private static final String CURRENCY = "DKK";

    private Response stats(String query, String token) {
        return api.get("/api/v1/admin/payments/stats" + query, token);
    }

    private static long[] totals(JsonNode section) {
        for (JsonNode row : section.path("byCurrency")) {
            if (row.path("currency").asString().equals(CURRENCY)) {
                return new long[] {row.path("count").asLong(), row.path("amountMinor").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    private String paid(long amountMinor) {
        OrderCreated order = Orders.singleItemOrder(UUID.randomUUID(), UUID.randomUUID(), amountMinor, CURRENCY);
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, amountMinor, CURRENCY, Map.of())));
        return awaitPaymentStatus(order.orderId(), "SUCCEEDED").path("paymentId").asString();
    }

    @Test
    void theDaysCapturesAndRefundsAreCountedAndSummedExactly() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode before = stats("?date=" + today, admin()).json();

        String first = paid(1000);
        paid(2550);
        OrderCreated unpaid = Orders.singleItemOrder(UUID.randomUUID(), UUID.randomUUID(), 700, CURRENCY);
        checkout(unpaid);
        awaitIntent(unpaid.orderId());
        assertThat(api.post("/api/v1/payments/" + first + "/refunds", Map.of("amountMinor", 300), admin()).status())
                .isEqualTo(201);

        Response after = stats("?date=" + today, admin());

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("date")).isEqualTo(today);
        long[] capturedBefore = totals(before.path("captured"));
        long[] capturedAfter = totals(after.json().path("captured"));
        assertThat(capturedAfter[0] - capturedBefore[0]).isEqualTo(2);
        assertThat(capturedAfter[1] - capturedBefore[1]).isEqualTo(3550);
        long[] refundsBefore = totals(before.path("refunds"));
        long[] refundsAfter = totals(after.json().path("refunds"));
        assertThat(refundsAfter[0] - refundsBefore[0]).isEqualTo(1);
        assertThat(refundsAfter[1] - refundsBefore[1]).isEqualTo(300);
        assertThat(after.json().path("captured").path("count").asLong())
                .isGreaterThanOrEqualTo(capturedAfter[0]);
    }

    @Test
    void aDayWithoutPaymentsIsAllZeros() {
        JsonNode stats = stats("?date=2001-01-01", admin()).json();

        assertThat(stats.path("captured").path("count").asLong()).isZero();
        assertThat(stats.path("captured").path("byCurrency")).isEmpty();
        assertThat(stats.path("refunds").path("count").asLong()).isZero();
    }

    @Test
    void theStatsAreForAdminsOnly() {
        assertThat(stats("", customer(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(stats("", vendor(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(stats("", null).status()).isEqualTo(401);
        assertThat(stats("", admin()).status()).isEqualTo(200);
        assertThat(stats("?date=yesterday", admin()).status()).isEqualTo(400);
    }
}
