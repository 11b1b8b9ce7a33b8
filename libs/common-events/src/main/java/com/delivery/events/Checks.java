package com.delivery.events;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** Invariants shared by the payload records, so a bad event fails where it is built, not where it is read. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static long amount(long minor, String field) {
        if (minor < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + minor);
        }
        return minor;
    }

    static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /** An ISO 4217 code as Java knows it, in upper case: {@code EUR}, {@code USD}. */
    static String currency(String code) {
        required(code, "currency");
        try {
            if (!Currency.getInstance(code).getCurrencyCode().equals(code)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, was '" + code + "'");
        }
        return code;
    }

    static void coordinates(double lat, double lng) {
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: lat=" + lat + ", lng=" + lng);
        }
    }

    static <T> List<T> nonEmpty(List<T> list, String field) {
        List<T> copy = List.copyOf(required(list, field));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }
}
