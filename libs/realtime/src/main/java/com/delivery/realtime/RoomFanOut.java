package com.delivery.realtime;

import java.util.function.Consumer;

/**
 * Carries broadcasts to the other instances of a service, so a client connected to instance B hears about a change
 * made on instance A. Every instance receives every message, its own included.
 */
public interface RoomFanOut {

    void publish(RoomMessage message);

    /** Starts delivering messages published by any instance to {@code receiver}. */
    void start(Consumer<RoomMessage> receiver);

    void stop();

    /** Whether messages of the other instances arrive now (false while the link to them is being set up or lost). */
    default boolean listening() {
        return true;
    }

    /** For a single instance (or tests of one): nothing leaves the process. */
    static RoomFanOut none() {
        return new RoomFanOut() {
            @Override
            public void publish(RoomMessage message) {
            }

            @Override
            public void start(Consumer<RoomMessage> receiver) {
            }

            @Override
            public void stop() {
            }
        };
    }
}
