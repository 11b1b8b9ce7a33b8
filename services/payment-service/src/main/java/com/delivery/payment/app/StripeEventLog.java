package com.delivery.payment.app;

import java.time.Instant;

/** Provider event ids already applied, and what became of each. */
public interface StripeEventLog {

    /**
     * Records the event id in the current transaction; false if it was recorded before (a redelivery). A concurrent
     * delivery of the same id waits for the first to commit and then gets false.
     */
    boolean recordFirstDelivery(String eventId, String type, Instant created);

    /** What the first delivery of the event did ({@code APPLIED}, {@code IGNORED} with a reason), same transaction. */
    void recordOutcome(String eventId, String outcome, String ignoredReason);
}
