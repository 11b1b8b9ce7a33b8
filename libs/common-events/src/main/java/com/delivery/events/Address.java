package com.delivery.events;

/** A delivery address as the customer gave it at checkout, with its geocoded position. */
public record Address(String line1, String city, String postalCode, double lat, double lng) {

    public Address {
        Checks.requiredText(line1, "line1");
        Checks.requiredText(city, "city");
        Checks.coordinates(lat, lng);
    }

    public GeoPoint location() {
        return new GeoPoint(lat, lng);
    }
}
