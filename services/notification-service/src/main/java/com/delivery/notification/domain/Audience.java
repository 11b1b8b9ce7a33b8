package com.delivery.notification.domain;

/** Which party of an event a route addresses; a vendor is reached through the user who owns it. */
public enum Audience {
    CUSTOMER, VENDOR, DRIVER, USER
}
