package com.delivery.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a message is about; preferences are kept per category and channel. The id is what the API shows.
 * Marketing is opt-in; everything else is on until the user switches it off (critical messages ignore the switch).
 */
public enum Category {
    ORDER_UPDATES("order-updates", true),
    DRIVER_JOBS("driver-jobs", true),
    INVENTORY("inventory", true),
    PAYOUTS("payouts", true),
    ACCOUNT("account", true),
    MARKETING("marketing", false);

    private final String id;
    private final boolean enabledByDefault;

    Category(String id, boolean enabledByDefault) {
        this.id = id;
        this.enabledByDefault = enabledByDefault;
    }

    public String id() {
        return id;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    public static Optional<Category> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
