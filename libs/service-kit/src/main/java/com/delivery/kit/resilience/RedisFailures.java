package com.delivery.kit.resilience;

import java.util.List;

/**
 * Tells an outage (Redis not reachable, not answering in time, or answering that it cannot serve yet) from a
 * mistake of ours (Redis answered with an error to a command or script it could run). Only an outage makes callers
 * do without Redis for a while; a mistake stays an error. By class name, so this needs neither Lettuce nor Spring
 * Data Redis on the class path.
 */
public final class RedisFailures {

    /** Error replies that mean "not now" rather than "never": loading after a restart, a busy script, a replica. */
    private static final List<String> NOT_NOW_REPLIES = List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY",
            "TRYAGAIN", "CLUSTERDOWN", "OOM");

    private RedisFailures() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("io.lettuce.core.RedisCommandExecutionException")) {
                String reply = t.getMessage() == null ? "" : t.getMessage();
                return NOT_NOW_REPLIES.stream().anyMatch(reply::startsWith);
            }
        }
        return true;
    }

    /**
     * Whether the failure is a connection that could not be made (refused, or not set up in time), as opposed to a
     * command on a connection: Spring's {@code RedisConnectionFailureException}, from Lettuce's
     * {@code RedisConnectionException}.
     */
    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.springframework.data.redis.RedisConnectionFailureException")
                    || name.equals("io.lettuce.core.RedisConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
