package com.delivery.kit.pruning;

import java.time.Duration;

/** Readable durations in start-up errors and logs ("8d", "36h", not "PT192H"). */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return duration.toString();
        }
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + "d";
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + "h";
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + "m";
        }
        return duration.toString();
    }

    static void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "platform.pruning." + property + " must be a positive duration, not " + duration);
        }
    }
}
