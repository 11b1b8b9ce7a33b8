package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The user who owns a vendor, as the vendor service announced it ({@code vendor.registered}). */
@Entity
@Table(name = "vendor_owners")
public class VendorOwner {

    @Id
    @Column(name = "vendor_id")
    private UUID vendorId;

    @Column(name = "owner_user_id", nullable = false)
    private UUID ownerUserId;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected VendorOwner() {
    }

    public VendorOwner(UUID vendorId, UUID ownerUserId, Instant registeredAt) {
        this.vendorId = vendorId;
        this.ownerUserId = ownerUserId;
        this.registeredAt = registeredAt;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID ownerUserId() {
        return ownerUserId;
    }
}
