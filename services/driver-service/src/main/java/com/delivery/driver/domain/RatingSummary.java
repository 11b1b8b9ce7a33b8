package com.delivery.driver.domain;

/** Average stars ({@code null} while unrated) and how many ratings it is based on. */
public record RatingSummary(Double average, long count) {

    public static RatingSummary of(Double average, long count) {
        return new RatingSummary(count == 0 || average == null ? null : Math.round(average * 100) / 100.0, count);
    }
}
