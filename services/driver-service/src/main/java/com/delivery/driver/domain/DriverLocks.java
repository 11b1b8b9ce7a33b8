package com.delivery.driver.domain;

import java.time.Duration;
import java.util.UUID;

/**
 * The driver row lock as matching takes it. Every decision about who a driver works for (an offer, an acceptance,
 * going online or offline) holds the driver's row lock, and such decisions take milliseconds. Matching therefore
 * waits, briefly, for a decision that holds the lock, and then looks at the driver as that decision left them,
 * instead of taking "locked right now" for "not available". The wait is bounded, so matching never deadlocks with
 * another decision.
 */
public interface DriverLocks {

    /** What {@link #lockIfAvailable} found. */
    enum Outcome {
        /** The driver is approved and online, and row-locked until the transaction ends. */
        LOCKED,
        /** The driver is not approved or not online (possibly as a concurrent decision just left them). */
        UNAVAILABLE,
        /** A concurrent decision held the driver's lock longer than the wait; nothing is known about them. */
        CONTENDED
    }

    /**
     * Row-locks the driver if they are approved and online. If another transaction holds their lock, waits up to
     * {@code wait} for it to end and then re-reads the driver. The caller's transaction stays usable in every case.
     */
    Outcome lockIfAvailable(UUID driverId, Duration wait);
}
