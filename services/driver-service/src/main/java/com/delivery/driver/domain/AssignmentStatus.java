package com.delivery.driver.domain;

/** {@code ACTIVE} keeps the driver busy; {@code DELIVERED} and {@code CANCELLED} free them. */
public enum AssignmentStatus {
    ACTIVE, DELIVERED, CANCELLED
}
