package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A vendor's Stripe Connect Express account, and the vendor user who connected it (the owner of its payouts). */
@Entity
@Table(name = "connected_accounts")
public class ConnectedAccount {

    @Id
    @Column(name = "vendor_id")
    private UUID vendorId;

    @Column(name = "owner_user_id", nullable = false)
    private UUID ownerUserId;

    @Column(name = "provider_account_id", nullable = false, unique = true)
    private String providerAccountId;

    @Column(name = "charges_enabled", nullable = false)
    private boolean chargesEnabled;

    @Column(name = "payouts_enabled", nullable = false)
    private boolean payoutsEnabled;

    @Column(name = "details_submitted", nullable = false)
    private boolean detailsSubmitted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected ConnectedAccount() {
    }

    public ConnectedAccount(UUID vendorId, UUID ownerUserId, String providerAccountId, boolean chargesEnabled,
            boolean payoutsEnabled, boolean detailsSubmitted, Instant now) {
        this.vendorId = vendorId;
        this.ownerUserId = ownerUserId;
        this.providerAccountId = providerAccountId;
        this.chargesEnabled = chargesEnabled;
        this.payoutsEnabled = payoutsEnabled;
        this.detailsSubmitted = detailsSubmitted;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted, Instant now) {
        this.chargesEnabled = chargesEnabled;
        this.payoutsEnabled = payoutsEnabled;
        this.detailsSubmitted = detailsSubmitted;
        this.updatedAt = now;
    }

    /** The vendor service named another owner than the user who connected the account: the vendor service wins. */
    public void assignOwner(UUID ownerUserId, Instant now) {
        this.ownerUserId = ownerUserId;
        this.updatedAt = now;
    }

    /** Stripe accepts destination charges to the account once its onboarding enabled charges. */
    public boolean canReceiveDestinationCharges() {
        return chargesEnabled;
    }

    public String status() {
        return chargesEnabled ? "ENABLED" : "ONBOARDING";
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerUserId.equals(userId);
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID ownerUserId() {
        return ownerUserId;
    }

    public String providerAccountId() {
        return providerAccountId;
    }

    public boolean chargesEnabled() {
        return chargesEnabled;
    }

    public boolean payoutsEnabled() {
        return payoutsEnabled;
    }

    public boolean detailsSubmitted() {
        return detailsSubmitted;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
