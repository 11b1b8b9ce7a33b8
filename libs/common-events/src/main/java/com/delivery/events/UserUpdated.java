package com.delivery.events;

import java.util.UUID;

/**
 * A changed account: the full current contact data, not a diff, so a consumer just overwrites its copy.
 *
 * @param phone  E.164, {@code null} if none
 * @param role   {@code CUSTOMER}, {@code VENDOR}, {@code DRIVER} or {@code ADMIN}
 * @param locale BCP 47 language tag, e.g. {@code en-GB}
 */
public record UserUpdated(UUID userId, String email, String phone, String fullName, String role, String locale)
        implements EventPayload {

    public UserUpdated {
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
