package com.delivery.events;

import java.util.UUID;

/**
 * A new account. Enough for notification to keep its own contact directory.
 *
 * @param phone  E.164, {@code null} if not given
 * @param role   {@code CUSTOMER}, {@code VENDOR}, {@code DRIVER} or {@code ADMIN}
 * @param locale BCP 47 language tag for messages, e.g. {@code en-GB}
 */
public record UserRegistered(UUID userId, String email, String phone, String fullName, String role, String locale)
        implements EventPayload {

    public UserRegistered {
        Checks.required(userId, "userId");
        Checks.requiredText(email, "email");
        Checks.requiredText(fullName, "fullName");
        Checks.requiredText(role, "role");
        Checks.requiredText(locale, "locale");
    }

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
