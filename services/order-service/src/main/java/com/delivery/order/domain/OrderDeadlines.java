package com.delivery.order.domain;

import com.delivery.events.OrderCancelled;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an order may wait for the next party before the system cancels it (which releases its stock and
 * cancels or refunds its payment):
 * <ul>
 *   <li>{@code paymentWindow}: a PENDING_PAYMENT order that is not paid (or whose stock was never confirmed) this
 *       long after checkout is cancelled {@code PAYMENT_TIMEOUT}: it bounds every stock hold;</li>
 *   <li>{@code vendorResponse}: a PLACED order the vendor has neither confirmed nor rejected this long after it was
 *       placed is cancelled {@code VENDOR_TIMEOUT} and refunded in full.</li>
 * </ul>
 * Once confirmed, an order is never cancelled by a clock: when no driver is found, matching keeps widening and the
 * customer and support are told ({@code driver.unavailable}); a person decides.
 */
public record OrderDeadlines(Duration paymentWindow, Duration vendorResponse) {

    public OrderDeadlines {
        Objects.requireNonNull(paymentWindow, "paymentWindow");
        Objects.requireNonNull(vendorResponse, "vendorResponse");
        if (paymentWindow.isNegative() || paymentWindow.isZero() || vendorResponse.isNegative()
                || vendorResponse.isZero()) {
            throw new IllegalArgumentException("Deadlines must be positive");
        }
    }

    /** A missed deadline: cancel with this reason code and these words. */
    public record Overdue(String reasonCode, String detail) {
    }

    /** @param placedAt when the order became PLACED; {@code null} before */
    public Optional<Overdue> check(OrderStatus status, Instant createdAt, Instant placedAt, Instant now) {
        return switch (status) {
            case PENDING_PAYMENT -> !now.isBefore(createdAt.plus(paymentWindow))
                    ? Optional.of(new Overdue(OrderCancelled.PAYMENT_TIMEOUT,
                            "Not paid within " + minutes(paymentWindow) + "; nothing was charged"))
                    : Optional.empty();
            case PLACED -> placedAt != null && !now.isBefore(placedAt.plus(vendorResponse))
                    ? Optional.of(new Overdue(OrderCancelled.VENDOR_TIMEOUT,
                            "The vendor did not accept the order within " + minutes(vendorResponse)
                                    + "; the payment is refunded in full"))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }
}
