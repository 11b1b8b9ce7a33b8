package com.delivery.driver.domain;

/** A driver found near a point: what we know of them, how far away they are and where. */
public record NearbyDriver(DriverFacts facts, double distanceMeters, GeoPosition position) {
}
