package com.delivery.payment.app;

import java.util.UUID;

/**
 * The order's PaymentIntent does not exist yet: {@code order.created} is not consumed, or the vendor has not held the
 * order's stock ({@code inventory.reserved}) yet. Worth retrying in a moment.
 */
public class IntentNotReadyException extends RuntimeException {

    public IntentNotReadyException(UUID orderId) {
        super("The payment of order " + orderId + " is being prepared; try again shortly");
    }

    private IntentNotReadyException(String message) {
        super(message);
    }

    /** The payment is open but waits for the vendor to hold the order's stock. */
    public static IntentNotReadyException awaitingStock(UUID orderId) {
        return new IntentNotReadyException("The payment of order " + orderId
                + " opens once the vendor has reserved the items; try again shortly");
    }
}
