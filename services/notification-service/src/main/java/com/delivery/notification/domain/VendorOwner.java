package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A vendor and the user who manages it: vendor-facing messages go to that user. */
@Entity
@Table(name = "vendor_owners")
public class VendorOwner {

    @Id
    @Column(name = "vendor_id")
    private UUID vendorId;

    @Column(name = "owner_user_id", nullable = false)
    private UUID ownerUserId;

    @Column(name = "vendor_name", nullable = false)
    private String vendorName;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected VendorOwner() {
    }

    public VendorOwner(UUID vendorId, UUID ownerUserId, String vendorName, Instant registeredAt) {
        this.vendorId = vendorId;
        this.ownerUserId = ownerUserId;
        this.vendorName = vendorName;
        this.registeredAt = registeredAt;
    }

    public void update(UUID ownerUserId, String vendorName) {
        this.ownerUserId = ownerUserId;
        this.vendorName = vendorName;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID ownerUserId() {
        return ownerUserId;
    }

    public String vendorName() {
        return vendorName;
    }
}
