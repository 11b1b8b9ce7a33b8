package com.delivery.payment.app;

/** Provider event ids already applied. */
public interface StripeEventLog {

    /**
     * Records the event id in the current transaction; false if it was recorded before (a redelivery). A concurrent
     * delivery of the same id waits for the first to commit and then gets false.
     */
    boolean recordFirstDelivery(String eventId, String type);
}
