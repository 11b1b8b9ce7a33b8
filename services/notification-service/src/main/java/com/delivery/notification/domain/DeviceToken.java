package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An FCM registration token of one app install, and whose it is now. */
@Entity
@Table(name = "device_tokens")
public class DeviceToken {

    @Id
    private String token;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Platform platform;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected DeviceToken() {
    }

    public DeviceToken(String token, UUID userId, Platform platform, Instant now) {
        this.token = token;
        this.userId = userId;
        this.platform = platform;
        this.registeredAt = now;
        this.lastSeenAt = now;
    }

    /**
     * The app registered the token again, possibly after another person logged in on the same device: the token
     * follows the device, so it now belongs to {@code userId}.
     */
    public void registeredAgain(UUID userId, Platform platform, Instant now) {
        if (!this.userId.equals(userId)) {
            this.registeredAt = now;
        }
        this.userId = userId;
        this.platform = platform;
        this.lastSeenAt = now;
    }

    public boolean belongsTo(UUID userId) {
        return this.userId.equals(userId);
    }

    public String token() {
        return token;
    }

    public UUID userId() {
        return userId;
    }

    public Platform platform() {
        return platform;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
