package com.delivery.tracking.app;

import java.time.Duration;

/** Shared across instances: lets one caller per key through per interval. */
public interface Throttle {

    /** True for the first caller of {@code key} in an interval, false for every other until it has passed. */
    boolean tryAcquire(String key, Duration interval);
}
