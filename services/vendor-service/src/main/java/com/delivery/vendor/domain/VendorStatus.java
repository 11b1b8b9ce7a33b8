package com.delivery.vendor.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The approval workflow. {@code PENDING_APPROVAL -> APPROVED | REJECTED}, {@code APPROVED <-> SUSPENDED},
 * {@code REJECTED -> PENDING_APPROVAL} when the owner resubmits, and {@code CLOSED} (the owner deleted the vendor)
 * from anywhere, for good. Only {@code APPROVED} vendors are visible to customers, searchable and orderable.
 */
public enum VendorStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, SUSPENDED, CLOSED;

    public Set<VendorStatus> next() {
        return switch (this) {
            case PENDING_APPROVAL -> EnumSet.of(APPROVED, REJECTED, CLOSED);
            case APPROVED -> EnumSet.of(SUSPENDED, CLOSED);
            case REJECTED -> EnumSet.of(PENDING_APPROVAL, CLOSED);
            case SUSPENDED -> EnumSet.of(APPROVED, CLOSED);
            case CLOSED -> EnumSet.noneOf(VendorStatus.class);
        };
    }

    public boolean canBecome(VendorStatus target) {
        return next().contains(target);
    }
}
