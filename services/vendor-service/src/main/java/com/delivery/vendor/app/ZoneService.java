package com.delivery.vendor.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.DeliveryZone;
import com.delivery.vendor.domain.DeliveryZones;
import com.delivery.vendor.domain.ZonePolygon;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery zones of a vendor (owner edits, anyone who sees the vendor reads) and the "delivers to" answer. Search
 * does not show zones, but checkout prices from them: every edit publishes the vendor's catalog snapshot.
 */
@Service
public class ZoneService {

    private final DeliveryZones zones;
    private final VendorAccess access;
    private final CatalogPublisher catalog;

    ZoneService(DeliveryZones zones, VendorAccess access, CatalogPublisher catalog) {
        this.zones = zones;
        this.access = access;
        this.catalog = catalog;
    }

    @Transactional
    public DeliveryZone create(UUID vendorId, CurrentUser user, String name, ZonePolygon area, long minimumOrderMinor,
            long deliveryFeeMinor) {
        access.forChange(vendorId, user);
        DeliveryZone zone = new DeliveryZone(UUID.randomUUID(), vendorId, name, area, minimumOrderMinor,
                deliveryFeeMinor);
        zones.insert(zone);
        catalog.changed(vendorId);
        return zone;
    }

    @Transactional
    public DeliveryZone update(UUID vendorId, UUID zoneId, CurrentUser user, String name, ZonePolygon area,
            long minimumOrderMinor, long deliveryFeeMinor) {
        access.forChange(vendorId, user);
        DeliveryZone zone = new DeliveryZone(zoneId, vendorId, name, area, minimumOrderMinor, deliveryFeeMinor);
        if (!zones.update(zone)) {
            throw ApiException.notFound("Delivery zone", zoneId);
        }
        catalog.changed(vendorId);
        return zone;
    }

    @Transactional
    public void delete(UUID vendorId, UUID zoneId, CurrentUser user) {
        access.forChange(vendorId, user);
        if (!zones.delete(vendorId, zoneId)) {
            throw ApiException.notFound("Delivery zone", zoneId);
        }
        catalog.changed(vendorId);
    }

    @Transactional(readOnly = true)
    public List<DeliveryZone> list(UUID vendorId, CurrentUser user) {
        access.visible(vendorId, user);
        return zones.findByVendor(vendorId);
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryZone> deliversTo(UUID vendorId, CurrentUser user, double lat, double lng) {
        access.visible(vendorId, user);
        return zones.findCovering(vendorId, lat, lng);
    }
}
