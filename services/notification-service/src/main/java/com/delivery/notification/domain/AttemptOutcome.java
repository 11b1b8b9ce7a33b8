package com.delivery.notification.domain;

/** What one call to a provider came to. */
public enum AttemptOutcome {
    DELIVERED,
    /** worth trying again: 5xx, 429, timeout, connection refused */
    TRANSIENT_FAILURE,
    /** will fail the same way again: bad request, bad credentials, unroutable number */
    PERMANENT_FAILURE,
    /** the push token is no longer valid (FCM UNREGISTERED / INVALID_ARGUMENT); it is removed */
    INVALID_TOKEN
}
