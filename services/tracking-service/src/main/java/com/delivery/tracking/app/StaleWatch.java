package com.delivery.tracking.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Active trips by the time of their driver's last fix, so a driver gone silent is noticed once. */
public interface StaleWatch {

    void watch(UUID orderId, Instant lastFixAt);

    void forget(UUID orderId);

    /**
     * Removes and returns up to {@code max} orders whose last fix is older than {@code threshold}; each order is
     * claimed by exactly one caller, also across instances.
     */
    List<UUID> claimOlderThan(Instant threshold, int max);
}
