package com.delivery.realtime;

/** Handles one client event of a gateway, knowing who sent it. */
@FunctionalInterface
public interface SocketEventHandler<T> {

    /**
     * @param reply answers the client's acknowledgement callback, if it asked for one (a no-op otherwise)
     */
    void handle(SocketPrincipal principal, T data, Reply reply);

    @FunctionalInterface
    interface Reply {
        void send(Object... data);
    }
}
