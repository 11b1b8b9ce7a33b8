package com.delivery.payment.app;

import java.util.UUID;

/** The order's payment is not open yet ({@code order.created} not consumed); worth retrying in a moment. */
public class IntentNotReadyException extends RuntimeException {

    public IntentNotReadyException(UUID orderId) {
        super("The payment of order " + orderId + " is being prepared; try again shortly");
    }
}
