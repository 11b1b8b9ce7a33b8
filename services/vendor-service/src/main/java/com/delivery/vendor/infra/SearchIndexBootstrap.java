package com.delivery.vendor.infra;

import com.delivery.vendor.app.SearchSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the search indices with their mapping at start-up when they do not exist yet. If Elasticsearch is away
 * then, the sync worker does it once Elasticsearch answers, before its first write (a write to a missing index would
 * create it with a guessed mapping).
 */
@Component
class SearchIndexBootstrap {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final SearchSync sync;

    SearchIndexBootstrap(SearchSync sync) {
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndices() {
        try {
            sync.prepareIndices();
        } catch (RuntimeException e) {
            log.warn("Search indices could not be checked or created yet; search answers 503 until Elasticsearch "
                    + "answers, then the sync worker creates them: {}", e.toString());
        }
    }
}
