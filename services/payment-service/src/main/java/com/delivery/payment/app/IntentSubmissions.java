package com.delivery.payment.app;

import com.delivery.payment.app.IntentCreation.PendingIntent;
import java.util.UUID;

/**
 * Where a payment whose intent is wanted is handed over once the deciding transaction has committed: the
 * {@link IntentCreation} attempt runs elsewhere, so the consumer's thread and database connection never wait on
 * Stripe. A request this cannot take right away (all slots busy) is not lost: the retry sweep sends it later.
 */
public interface IntentSubmissions {

    /** Hands over an attempt built in the deciding transaction. */
    void submit(PendingIntent pending);

    /** Hands over an attempt for a payment whose stored request is read first (the retry sweep's path). */
    void submitStored(UUID paymentId);
}
