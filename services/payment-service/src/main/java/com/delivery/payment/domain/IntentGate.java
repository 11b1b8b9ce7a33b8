package com.delivery.payment.domain;

/**
 * When an order's PaymentIntent may be created: only once both {@code order.created} (the payment is open, with the
 * amount to charge) and {@code inventory.reserved} (the vendor holds the stock) have been seen, in whichever order
 * they arrive (they come on different topics). A pure rule: the caller gathers the facts under the order's lock and
 * carries out the step.
 */
public final class IntentGate {

    /** What to do about the intent now. */
    public enum Step {
        /** The payment is open and waits, the stock is held: create the intent now. */
        CREATE_INTENT,
        /** The payment is open but the stock is not held yet: wait for {@code inventory.reserved}. */
        WAIT_FOR_STOCK,
        /** {@code order.created} has not been seen: wait for it (remembering a hold that came first). */
        WAIT_FOR_ORDER,
        /** Nothing to do: the intent exists already, or the payment or order is over (cancelled, failed, paid). */
        NOTHING
    }

    private IntentGate() {
    }

    /**
     * @param payment        the status of the order's payment, {@code null} while {@code order.created} is unseen
     * @param stockHeld      whether {@code inventory.reserved} of the order has been seen
     * @param orderCancelled whether {@code order.cancelled} of the order has been seen
     */
    public static Step next(PaymentStatus payment, boolean stockHeld, boolean orderCancelled) {
        if (orderCancelled) {
            return Step.NOTHING;
        }
        if (payment == null) {
            return Step.WAIT_FOR_ORDER;
        }
        if (payment != PaymentStatus.AWAITING_STOCK) {
            return Step.NOTHING;
        }
        return stockHeld ? Step.CREATE_INTENT : Step.WAIT_FOR_STOCK;
    }
}
