package com.delivery.notification.app;

/** What one destination (a phone number, an address, one device token) came to. */
public record DeliveryResult(String destination, SendOutcome outcome) {
}
