package com.delivery.order.infra;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.order.app.VendorCatalogReplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code vendor.catalog_updated} into the catalog replica, once per event id (recorded in {@code processed_events} in
 * the same transaction as the upsert). A failure is retried with backoff, then the event goes to
 * {@code vendor.catalog_updated.DLT}.
 */
@Component
class VendorCatalogListener {

    private static final Logger log = LoggerFactory.getLogger(VendorCatalogListener.class);

    private final IdempotentEventHandler once;
    private final VendorCatalogReplication replication;

    VendorCatalogListener(IdempotentEventHandler once, VendorCatalogReplication replication) {
        this.once = once;
        this.replication = replication;
    }

    @KafkaListener(topics = Topics.VENDOR_CATALOG_UPDATED)
    void catalogUpdated(String json) {
        EventEnvelope<VendorCatalogUpdated> event = EventCodec.decode(json, VendorCatalogUpdated.class);
        boolean applied = once.handleOnce(event, replication::catalogUpdated);
        log.info("Handled {} eventId={} vendorId={} version={} correlationId={} firstDelivery={}", event.type(),
                event.eventId(), event.aggregateId(), event.payload().version(), event.correlationId(), applied);
    }
}
