package com.delivery.order.app;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order service under {@code order.*}.
 *
 * @param platformFeePercent the platform's share of the item subtotal ({@code PLATFORM_FEE_PERCENT}, default 10),
 *                           rounded half-even; taken from the vendor's share, not added to the customer's total
 * @param taxPercent         tax added on the item subtotal ({@code ORDER_TAX_PERCENT}, default 0: prices include tax)
 * @param cacheTtl           how long an order read stays in Redis (every change evicts it at once)
 * @param vendor             the vendor service that quotes prices at checkout
 * @param socket             the Socket.io gateway
 * @param estimate           how the delivery estimate is made
 */
@ConfigurationProperties("order")
public record OrderProperties(
        @DefaultValue("10") BigDecimal platformFeePercent,
        @DefaultValue("0") BigDecimal taxPercent,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue Vendor vendor,
        @DefaultValue Socket socket,
        @DefaultValue Estimate estimate,
        @DefaultValue Deadlines deadlines) {

    /**
     * When the system cancels an order that waits too long (see {@code OrderDeadlines}).
     *
     * @param paymentWindow  {@code ORDER_PAYMENT_WINDOW}: checkout → paid and stock held, else PAYMENT_TIMEOUT
     * @param vendorResponse {@code ORDER_VENDOR_RESPONSE_TIMEOUT}: placed → confirmed or rejected, else VENDOR_TIMEOUT
     * @param sweepInterval  how often the deadlines are checked
     * @param sweepBatch     how many overdue orders one sweep cancels at most (the next sweep takes the rest)
     */
    public record Deadlines(
            @DefaultValue("15m") Duration paymentWindow,
            @DefaultValue("10m") Duration vendorResponse,
            @DefaultValue("15s") Duration sweepInterval,
            @DefaultValue("200") int sweepBatch) {
    }

    /**
     * @param baseUrl        {@code VENDOR_SERVICE_URL}
     * @param connectTimeout giving up on connecting (then retried)
     * @param readTimeout    giving up on an answer (then retried; the quote has no side effects)
     */
    public record Vendor(
            @DefaultValue("http://127.0.0.1:3003") String baseUrl,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout) {
    }

    /**
     * @param port          {@code ORDER_SOCKET_PORT}, default 3102
     * @param workerThreads Netty worker threads, 0 for Netty's default
     */
    public record Socket(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0.0.0.0") String host,
            @DefaultValue("3102") int port,
            @DefaultValue("0") int workerThreads) {
    }

    /**
     * @param handlingMinutes minutes to pick and pack a non-food order (food uses the kitchen's preparation time)
     * @param courierSpeedKmh average courier speed for the ride
     * @param handoverMinutes pickup and drop-off time on top of the ride
     */
    public record Estimate(
            @DefaultValue("10") int handlingMinutes,
            @DefaultValue("15") double courierSpeedKmh,
            @DefaultValue("5") int handoverMinutes) {
    }
}
