package com.delivery.driver.infra;

import com.delivery.driver.app.DriverProperties;
import com.delivery.driver.app.MatchingService;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs due matching jobs every {@code driver.matching.tick}, and at once when {@link MatchingSignal} fires. Each job
 * is one transaction that skips a job another instance is working on, so several instances share the work.
 */
@Component
class MatchingLoop extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(MatchingLoop.class);

    private final MatchingService matching;
    private final int batchSize;

    MatchingLoop(MatchingService matching, MatchingSignal signal, DriverProperties properties) {
        super("matching-loop", properties.matching().tick());
        this.matching = matching;
        this.batchSize = properties.matching().batchSize();
        signal.onSignal(this::wakeUp);
    }

    @Override
    protected void runOnce() {
        List<UUID> due;
        do {
            due = matching.dueJobs(batchSize);
            for (UUID orderId : due) {
                try {
                    matching.attempt(orderId);
                } catch (RuntimeException e) {
                    log.warn("Matching of order {} failed, retrying at the next tick: {}", orderId, e.toString());
                }
            }
        } while (due.size() == batchSize);
    }
}
