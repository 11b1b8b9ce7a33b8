package com.delivery.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A named area drawn by an admin: one closed ring of WGS84 points (the first point repeated at the end). Orders are
 * counted in a region when its polygon covers their vendor's pickup point.
 */
public record Region(UUID id, String name, List<Point> boundary, Instant createdAt) {

    public static final int MAX_POINTS = 1000;

    public record Point(double lat, double lng) {

        public Point {
            if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
                throw new IllegalArgumentException("A point needs -90 <= lat <= 90 and -180 <= lng <= 180");
            }
        }
    }

    public Region {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("A region needs a name of 1 to 100 characters");
        }
        name = name.strip();
        boundary = closed(boundary);
    }

    /** A new region from the points of its outline, in order; the ring is closed if the last point is not the first. */
    public static Region draw(String name, List<Point> outline, Instant now) {
        return new Region(UUID.randomUUID(), name, outline, now);
    }

    private static List<Point> closed(List<Point> outline) {
        if (outline == null || outline.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("A region needs an outline of points");
        }
        List<Point> ring = new ArrayList<>(outline);
        if (!ring.isEmpty() && !ring.getFirst().equals(ring.getLast())) {
            ring.add(ring.getFirst());
        }
        if (ring.stream().distinct().count() < 3) {
            throw new IllegalArgumentException("A region's outline needs at least 3 different points");
        }
        if (ring.size() > MAX_POINTS + 1) {
            throw new IllegalArgumentException("A region's outline has at most " + MAX_POINTS + " points");
        }
        return List.copyOf(ring);
    }
}
