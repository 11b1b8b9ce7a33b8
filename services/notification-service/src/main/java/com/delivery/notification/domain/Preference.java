package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One choice a user made: this category on this channel, on or off. */
@Entity
@Table(name = "preferences")
public class Preference {

    @Embeddable
    public record Key(
            @Column(name = "user_id") UUID userId,
            @Enumerated(EnumType.STRING) @Column(name = "category") Category category,
            @Enumerated(EnumType.STRING) @Column(name = "channel") Channel channel) {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Preference() {
    }

    public Preference(UUID userId, Category category, Channel channel, boolean enabled, Instant now) {
        this.key = new Key(userId, category, channel);
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public void set(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public Category category() {
        return key.category();
    }

    public Channel channel() {
        return key.channel();
    }

    public boolean enabled() {
        return enabled;
    }
}
