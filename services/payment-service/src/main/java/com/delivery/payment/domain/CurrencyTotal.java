package com.delivery.payment.domain;

/** A count and a sum of amounts in one currency. */
public record CurrencyTotal(String currency, long count, long amountMinor) {
}
