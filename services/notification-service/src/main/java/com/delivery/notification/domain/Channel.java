package com.delivery.notification.domain;

/** How a message reaches a person. */
public enum Channel {
    PUSH, SMS, EMAIL
}
