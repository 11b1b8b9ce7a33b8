package com.delivery.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A delivery address of a customer, with coordinates so zones and distances can be computed. */
@Entity
@Table(name = "addresses")
public class Address {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    private String label;

    @Column(nullable = false)
    private String line1;

    private String line2;

    @Column(nullable = false)
    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private double lat;

    @Column(nullable = false)
    private double lng;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    protected Address() {
    }

    public Address(UUID id, UUID userId, AddressDetails details) {
        this.id = id;
        this.userId = userId;
        change(details);
    }

    public void change(AddressDetails details) {
        this.label = details.label();
        this.line1 = details.line1();
        this.line2 = details.line2();
        this.city = details.city();
        this.postalCode = details.postalCode();
        this.country = details.country();
        this.lat = details.lat();
        this.lng = details.lng();
        this.isDefault = details.isDefault();
    }

    public void clearDefault() {
        this.isDefault = false;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public AddressDetails details() {
        return new AddressDetails(label, line1, line2, city, postalCode, country, lat, lng, isDefault);
    }

    public boolean isDefault() {
        return isDefault;
    }
}
