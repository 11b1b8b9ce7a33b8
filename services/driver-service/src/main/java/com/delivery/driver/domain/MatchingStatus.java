package com.delivery.driver.domain;

/**
 * Where the search for a driver for one order stands. {@code SEARCHING} and {@code OFFERED} are active;
 * {@code UNAVAILABLE} can be restarted (when the order becomes ready for pickup); the others are final.
 */
public enum MatchingStatus {
    SEARCHING, OFFERED, ASSIGNED, UNAVAILABLE, CANCELLED;

    public boolean isActive() {
        return this == SEARCHING || this == OFFERED;
    }
}
