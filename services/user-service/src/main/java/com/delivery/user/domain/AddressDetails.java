package com.delivery.user.domain;

public record AddressDetails(String label, String line1, String line2, String city, String postalCode,
        String country, double lat, double lng, boolean isDefault) {
}
