package com.delivery.driver.infra;

import com.delivery.driver.app.DriverProperties;
import com.delivery.driver.app.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every {@code driver.presence.prune-interval}: drivers whose heartbeat lapsed leave the GEO index and go offline. */
@Component
class PresencePruner extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(PresencePruner.class);

    private final PresenceService presence;

    PresencePruner(PresenceService presence, DriverProperties properties) {
        super("presence-pruner", properties.presence().pruneInterval());
        this.presence = presence;
    }

    @Override
    protected void runOnce() {
        int pruned = presence.pruneSilent();
        if (pruned > 0) {
            log.info("Pruned {} silent drivers", pruned);
        }
    }
}
