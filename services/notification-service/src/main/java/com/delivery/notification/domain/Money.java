package com.delivery.notification.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts for people: minor units in the currency's own digits, written the way the reader's locale writes money. */
public final class Money {

    private Money() {
    }

    /** {@code format(2949, "EUR", en-GB)} is {@code €29.49}; with {@code de-DE} it is {@code 29,49 €}. */
    public static String format(long amountMinor, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(amountMinor, digits));
    }
}
