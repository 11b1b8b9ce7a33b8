package com.delivery.order.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the order analytics split their figures. Hour of day and day of week are taken from the order's creation time
 * in the report's time zone; regions are the admins' named polygons covering the vendor's pickup point.
 */
public enum AnalyticsGrouping {

    /** The vendor's category (FOOD, GROCERY, PHARMACY, ...). */
    CATEGORY("category"),
    /** 0-23, every hour present. */
    HOUR_OF_DAY("hourOfDay"),
    /** ISO day of week 1 (MONDAY) - 7 (SUNDAY), every day present. */
    DAY_OF_WEEK("dayOfWeek"),
    /** The vendor's city as the quote named it; {@code null} key when unknown. */
    CITY("city"),
    /** Named region; an order in several regions counts in each, an order in none under the {@code null} key. */
    REGION("region");

    private final String parameter;

    AnalyticsGrouping(String parameter) {
        this.parameter = parameter;
    }

    /** The name used in the API ({@code groupBy=hourOfDay}). */
    public String parameter() {
        return parameter;
    }

    public static Optional<AnalyticsGrouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst();
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(AnalyticsGrouping::parameter).toList();
    }
}
