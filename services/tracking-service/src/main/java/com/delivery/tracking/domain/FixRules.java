package com.delivery.tracking.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What makes a position report believable. Pure: the caller supplies the driver's previous fix and the time.
 *
 * @param maxAccuracyMeters  fixes with a larger accuracy radius are refused as too poor to show
 * @param maxSpeedMps        highest speed a device may report (and a vehicle may plausibly reach)
 * @param maxAge             a fix older than this when it arrives is refused (the app should drop its backlog)
 * @param maxFutureSkew      how far ahead of the server's clock a device clock may be
 */
public record FixRules(double maxAccuracyMeters, double maxSpeedMps, Duration maxAge, Duration maxFutureSkew) {

    /** Below this, two fixes are too close in time to judge a jump by speed; their distance alone decides. */
    private static final Duration MIN_JUMP_INTERVAL = Duration.ofSeconds(1);

    public FixRules {
        if (maxAccuracyMeters <= 0 || maxSpeedMps <= 0 || maxAge.isNegative() || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("fix rules must be positive");
        }
    }

    /** Checks the ranges of a raw report; returns its position. */
    public Position checkRanges(Double lat, Double lng, Double heading, Double speed, Double accuracy) {
        if (!Position.valid(lat, lng)) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION,
                    "lat must be between -90 and 90 and lng between -180 and 180");
        }
        if (Math.abs(lat) > Position.MAX_TRACKED_LATITUDE) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION,
                    "lat must be between -" + Position.MAX_TRACKED_LATITUDE + " and " + Position.MAX_TRACKED_LATITUDE
                            + ": the polar regions cannot be tracked");
        }
        if (heading != null && (!Double.isFinite(heading) || heading < 0 || heading > 360)) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION, "heading must be between 0 and 360 degrees");
        }
        if (speed != null && (!Double.isFinite(speed) || speed < 0 || speed > maxSpeedMps)) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION,
                    "speed must be between 0 and " + maxSpeedMps + " m/s");
        }
        if (accuracy != null && (!Double.isFinite(accuracy) || accuracy < 0)) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION, "accuracy must be a positive number of metres");
        }
        if (accuracy != null && accuracy > maxAccuracyMeters) {
            throw new LocationRejectedException(Rejection.POOR_ACCURACY,
                    "accuracy of " + accuracy + " m is worse than the " + maxAccuracyMeters + " m allowed");
        }
        return new Position(lat, lng);
    }

    /** Checks the fix's time against the clock and against the driver's previous fix ({@code null} if none). */
    public void checkAgainst(LocationFix candidate, LocationFix previous, Instant now) {
        Instant at = candidate.recordedAt();
        if (at.isAfter(now.plus(maxFutureSkew))) {
            throw new LocationRejectedException(Rejection.TIMESTAMP_IN_FUTURE, "ts " + at + " is in the future");
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw new LocationRejectedException(Rejection.TIMESTAMP_TOO_OLD,
                    "ts " + at + " is older than " + maxAge.toSeconds() + " s");
        }
        if (previous == null) {
            return;
        }
        if (!at.isAfter(previous.recordedAt())) {
            throw new LocationRejectedException(Rejection.OUT_OF_ORDER,
                    "ts " + at + " is not after the current location's " + previous.recordedAt());
        }
        double elapsed = Math.max(Duration.between(previous.recordedAt(), at).toMillis(),
                MIN_JUMP_INTERVAL.toMillis()) / 1000.0;
        // the accuracy radii of both fixes are noise, not movement
        double noise = orZero(candidate.accuracy()) + orZero(previous.accuracy());
        double moved = Math.max(0, candidate.position().distanceMeters(previous.position()) - noise);
        if (moved / elapsed > maxSpeedMps) {
            throw new LocationRejectedException(Rejection.IMPOSSIBLE_JUMP, String.format(java.util.Locale.ROOT,
                    "%.0f m in %.1f s from the previous fix is faster than %.0f m/s", moved, elapsed, maxSpeedMps));
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
