package com.delivery.vendor.app;

/**
 * What one round of the search sync did.
 *
 * @param claimed entries taken from the queue
 * @param applied entries whose vendor the index now shows
 * @param failed attempts that failed, the check that the index is there included (entries stay queued, retried)
 * @param unreachable why the round stopped early because Elasticsearch is away; null if it did not
 * @param lastRefusal the last failure that was not about reachability (a document the index refused); null if none
 */
public record SyncRound(int claimed, int applied, int failed, SearchUnavailableException unreachable,
        RuntimeException lastRefusal) {

    static SyncRound indexUnreachable(SearchUnavailableException cause) {
        return new SyncRound(0, 0, 1, cause, null);
    }

    public boolean reachedIndex() {
        return unreachable == null;
    }
}
