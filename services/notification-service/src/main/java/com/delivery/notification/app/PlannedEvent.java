package com.delivery.notification.app;

import com.delivery.notification.domain.Audience;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * An event ready for routing: its identity, the parties it names (a vendor by vendor id) and the template model,
 * built per reader locale because amounts and times are written the reader's way; {@code sourceJson} is the event
 * as it arrived, kept for a recipient the directory does not know yet.
 */
public record PlannedEvent(UUID eventId, String eventType, UUID orderId, Map<Audience, UUID> parties,
        Function<Locale, Map<String, Object>> model, String sourceJson) {
}
