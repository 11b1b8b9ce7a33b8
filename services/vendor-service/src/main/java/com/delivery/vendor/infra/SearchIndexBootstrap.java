package com.delivery.vendor.infra;

import com.delivery.vendor.app.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the search indices with their mapping at start-up when they do not exist yet. */
@Component
class SearchIndexBootstrap {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final SearchIndex index;

    SearchIndexBootstrap(SearchIndex index) {
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndices() {
        try {
            index.ensureIndices();
        } catch (RuntimeException e) {
            log.error("Search indices could not be checked or created; search answers 503 until they are: {}",
                    e.toString());
        }
    }
}
