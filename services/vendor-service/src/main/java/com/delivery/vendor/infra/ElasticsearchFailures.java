package com.delivery.vendor.infra;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.delivery.vendor.app.SearchUnavailableException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Tells an Elasticsearch outage (nothing listening, a timeout, a closed connection, an overloaded or failing node)
 * from a request the index refused. An outage becomes {@link SearchUnavailableException}: the caller answers 503 or
 * keeps the update queued; anything else is a bug and stays what it is.
 */
final class ElasticsearchFailures {

    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    private ElasticsearchFailures() {
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            // the transport's own failures: refused, timed out, reset, an answer that is no Elasticsearch answer
            throw unavailable(what, e);
        } catch (ElasticsearchException e) {
            if (isTemporary(e.status()) || e.error() != null && isIndexMissing(e.error().type())) {
                throw unavailable(what, e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (causedByTransport(e)) {
                throw unavailable(what, e);
            }
            throw e;
        }
    }

    /**
     * A bulk with failed items: an outage if every failure is one (node overloaded, shard away, index gone: the sync
     * then checks the indices again before its next write), else refused.
     */
    static void throwForItemErrors(BulkResponse response) {
        List<BulkResponseItem> failed = response.items().stream().filter(i -> i.error() != null).toList();
        String reasons = failed.stream().map(i -> i.id() + ": " + i.error().reason()).limit(5).toList().toString();
        if (!failed.isEmpty() && failed.stream()
                .allMatch(i -> isTemporary(i.status()) || isIndexMissing(i.error().type()))) {
            throw new SearchUnavailableException("Search index could not take documents now: " + reasons, null);
        }
        throw new IllegalStateException("Search index refused documents: " + reasons);
    }

    /** The index is missing until the sync creates it again: temporary, like an outage. */
    private static boolean isIndexMissing(String errorType) {
        return "index_not_found_exception".equals(errorType);
    }

    private static boolean isTemporary(int status) {
        return status == 429 || status >= 500;
    }

    private static boolean causedByTransport(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static SearchUnavailableException unavailable(String what, Exception cause) {
        return new SearchUnavailableException("Elasticsearch unavailable while " + what + ": " + cause, cause);
    }
}
