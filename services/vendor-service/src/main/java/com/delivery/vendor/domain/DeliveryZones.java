package com.delivery.vendor.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Delivery zones, stored as PostGIS polygons. */
public interface DeliveryZones {

    void insert(DeliveryZone zone);

    boolean update(DeliveryZone zone);

    boolean delete(UUID vendorId, UUID zoneId);

    Optional<DeliveryZone> find(UUID vendorId, UUID zoneId);

    List<DeliveryZone> findByVendor(UUID vendorId);

    /** The vendor's zone covering the point (the cheapest delivery when several do), if any. */
    Optional<DeliveryZone> findCovering(UUID vendorId, double lat, double lng);
}
