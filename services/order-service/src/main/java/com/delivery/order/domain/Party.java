package com.delivery.order.domain;

/** The capacity in which someone acts on an order; recorded as the role of each timeline entry. */
public enum Party {
    CUSTOMER, VENDOR, DRIVER, ADMIN, SYSTEM
}
