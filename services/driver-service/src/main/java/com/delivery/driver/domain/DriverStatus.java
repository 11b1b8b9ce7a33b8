package com.delivery.driver.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The background check: {@code PENDING -> APPROVED | REJECTED}, {@code APPROVED -> SUSPENDED -> APPROVED}
 * (reinstated), and {@code REJECTED -> PENDING} when the driver resubmits corrected documents or vehicle.
 */
public enum DriverStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED;

    public Set<DriverStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(SUSPENDED);
            case SUSPENDED -> EnumSet.of(APPROVED);
            case REJECTED -> EnumSet.of(PENDING);
        };
    }

    public boolean canBecome(DriverStatus target) {
        return next().contains(target);
    }
}
