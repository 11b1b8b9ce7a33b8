package com.delivery.realtime;

/**
 * Decides whether a principal may join a room; the service knows what a room name means ({@code order:<id>},
 * {@code admin}, ...). Called on a socket worker thread for every {@code join}.
 */
@FunctionalInterface
public interface RoomAuthorizer {

    boolean mayJoin(SocketPrincipal principal, String room);
}
