package com.delivery.notification.domain;

/** The money of an order, in minor units of its currency. */
public record OrderTotals(long subtotalMinor, long deliveryFeeMinor, long tipMinor, long taxMinor, long totalMinor) {
}
