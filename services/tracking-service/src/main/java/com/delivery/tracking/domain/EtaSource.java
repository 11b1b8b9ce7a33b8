package com.delivery.tracking.domain;

/** Where an ETA came from. */
public enum EtaSource {
    /** Google Maps Distance Matrix, traffic-aware where the mode allows. */
    GOOGLE,
    /** The local estimate: great-circle distance times a road factor at the vehicle type's average speed. */
    ESTIMATE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
