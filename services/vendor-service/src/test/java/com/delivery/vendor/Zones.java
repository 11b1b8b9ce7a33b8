package com.delivery.vendor;

import java.util.List;
import java.util.Map;

/** Delivery zones as GeoJSON request bodies. */
public final class Zones {

    private Zones() {
    }

    /** A square of {@code halfSideDeg} degrees around a centre, with a minimum order and fee. */
    public static Map<String, Object> square(String name, double lat, double lng, double halfSideDeg,
            long minimumOrderMinor, long deliveryFeeMinor) {
        List<List<Double>> ring = List.of(
                List.of(lng - halfSideDeg, lat - halfSideDeg),
                List.of(lng + halfSideDeg, lat - halfSideDeg),
                List.of(lng + halfSideDeg, lat + halfSideDeg),
                List.of(lng - halfSideDeg, lat + halfSideDeg),
                List.of(lng - halfSideDeg, lat - halfSideDeg));
        return zone(name, List.of(ring), minimumOrderMinor, deliveryFeeMinor);
    }

    public static Map<String, Object> zone(String name, List<List<List<Double>>> rings, long minimumOrderMinor,
            long deliveryFeeMinor) {
        return Map.of("name", name, "area", Map.of("type", "Polygon", "coordinates", rings),
                "minimumOrderMinor", minimumOrderMinor, "deliveryFeeMinor", deliveryFeeMinor);
    }

    /** Mitte: about 2 km around Luigi's, minimum 15.00, fee 2.99. */
    public static Map<String, Object> mitte() {
        return square("Mitte", Vendors.MITTE_LAT, Vendors.MITTE_LNG, 0.02, 1500, 299);
    }
}
