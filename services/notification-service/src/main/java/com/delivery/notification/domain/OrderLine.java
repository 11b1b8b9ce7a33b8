package com.delivery.notification.domain;

/** One line of an order as it was checked out. */
public record OrderLine(String name, int quantity, long unitPriceMinor, long lineTotalMinor) {
}
