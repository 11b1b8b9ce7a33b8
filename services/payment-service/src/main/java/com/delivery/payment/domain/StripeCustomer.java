package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The Stripe Customer ({@code cus_...}) of a paying user; created once, its saved payment methods hang off it. */
@Entity
@Table(name = "stripe_customers")
public class StripeCustomer {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "provider_customer_id", nullable = false)
    private String providerCustomerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StripeCustomer() {
    }

    public StripeCustomer(UUID userId, String providerCustomerId, Instant createdAt) {
        this.userId = userId;
        this.providerCustomerId = providerCustomerId;
        this.createdAt = createdAt;
    }

    public UUID userId() {
        return userId;
    }

    public String providerCustomerId() {
        return providerCustomerId;
    }
}
