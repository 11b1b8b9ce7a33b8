package com.delivery.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payments at {@code rate} (default 500) requests per second: customers polling their order's payment and, when
 * {@code stripeWebhookSecret} is given, a share ({@code webhookShare}, default 0.3) of Stripe webhook deliveries
 * signed as Stripe signs them. Same thresholds as loadtest/k6/payment.js.
 */
public class PaymentSimulation extends Simulation {

    private static final int RATE = LoadConfig.integer("rate", 500);
    private static final int ORDERS = LoadConfig.integer("orders", 100);
    private static final double WEBHOOK_SHARE = LoadConfig.number("webhookShare", 0.3);
    private static final String WEBHOOK_SECRET = System.getProperty("stripeWebhookSecret", "");

    private final List<Fixtures.PaidOrder> orders = Fixtures.ordersWithPayments(
            Fixtures.users("CUSTOMER", Math.min(LoadConfig.CUSTOMERS, ORDERS)), Fixtures.orderableItems(), ORDERS);
    private final AtomicLong sequence = new AtomicLong();

    private final Iterator<Map<String, Object>> feed = Stream.generate(() -> {
        long i = sequence.getAndIncrement();
        Fixtures.PaidOrder order = orders.get((int) (i % orders.size()));
        boolean webhook = !WEBHOOK_SECRET.isEmpty() && (i % 100) < WEBHOOK_SHARE * 100;
        long created = System.currentTimeMillis() / 1000;
        String event = """
                {"id":"evt_gatling_%d_%d","object":"event","type":"charge.updated","api_version":"2025-09-30.clover",\
                "created":%d,"livemode":false,"data":{"object":{"id":"ch_gatling_%d","object":"charge"}}}"""
                .formatted(i, created, created, i);
        return Map.<String, Object>of(
                "kind", webhook ? "webhook" : "poll",
                "orderId", order.orderId(),
                "token", order.token(),
                "event", event,
                "signature", webhook ? "t=" + created + ",v1=" + hmac(created + "." + event) : "");
    }).iterator();

    private static String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.PAYMENT_URL)
            .acceptHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder payments = scenario("payments")
            .feed(feed)
            .doSwitch("#{kind}").on(
                    onCase("webhook").then(exec(http("stripe webhook").post("/api/v1/payments/webhooks/stripe")
                            .header("Content-Type", "application/json")
                            .header("Stripe-Signature", "#{signature}")
                            .body(StringBody("#{event}"))
                            .check(status().is(200)))),
                    onCase("poll").then(exec(http("payment by order").get("/api/v1/payments/orders/#{orderId}")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))));

    {
        System.out.println(LoadConfig.describe("payments", RATE + " requests/s against " + LoadConfig.PAYMENT_URL
                + (WEBHOOK_SECRET.isEmpty() ? " (no webhook secret: polling only)" : ", " + (int) (WEBHOOK_SHARE * 100) + "% webhooks")));
        setUp(payments.injectOpen(
                rampUsersPerSec(Math.max(1, RATE / 10.0)).to(RATE).during(LoadConfig.RAMP),
                constantUsersPerSec(RATE).during(LoadConfig.DURATION)))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(50.0).lt(100),
                        global().responseTime().percentile(95.0).lt(300),
                        global().responseTime().percentile(99.0).lt(800));
    }
}
