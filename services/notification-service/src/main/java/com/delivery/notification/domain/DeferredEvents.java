package com.delivery.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events held back for a recipient the directory does not know yet (infra implements it). */
public interface DeferredEvents {

    /** Holds the event (as its JSON envelope) for the recipient; holding it twice keeps one. */
    void defer(UUID eventId, UUID recipientId, String eventJson, Instant at);

    /** Removes and returns the recipient's held events deferred at or after {@code since}, oldest first. */
    List<String> takeFor(UUID recipientId, Instant since);

    /** Forgets events held since before {@code before}: their recipient never became known. */
    int forgetOlderThan(Instant before);
}
