package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** How to reach a user, as the latest user.* event said. */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String role;

    @Column(nullable = false)
    private String locale;

    /** occurredAt of the event these details come from */
    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Contact() {
    }

    public Contact(UUID userId, ContactDetails details, Instant asOf, Instant now) {
        this.userId = userId;
        apply(details, asOf, now);
    }

    /**
     * Takes the details unless they are older than what is stored: user.registered and user.updated are different
     * topics, so a late registration must not undo an update.
     *
     * @return whether anything was applied
     */
    public boolean update(ContactDetails details, Instant asOf, Instant now) {
        if (asOf.isBefore(this.asOf)) {
            return false;
        }
        apply(details, asOf, now);
        return true;
    }

    private void apply(ContactDetails details, Instant asOf, Instant now) {
        this.email = details.email();
        this.phone = details.phone() == null || details.phone().isBlank() ? null : details.phone();
        this.fullName = details.fullName();
        this.role = details.role();
        this.locale = details.locale();
        this.asOf = asOf;
        this.updatedAt = now;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String fullName() {
        return fullName;
    }

    /** The first word of the name, for a greeting. */
    public String firstName() {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    public String role() {
        return role;
    }

    public Locale locale() {
        Locale parsed = Locale.forLanguageTag(locale.replace('_', '-'));
        return parsed.getLanguage().isEmpty() ? Locale.ENGLISH : parsed;
    }

    public String localeTag() {
        return locale;
    }

    /** The address on a channel, {@code null} when the user has none there (push goes to device tokens). */
    public String addressFor(Channel channel) {
        return switch (channel) {
            case SMS -> phone;
            case EMAIL -> email;
            case PUSH -> null;
        };
    }
}
