package com.delivery.realtime;

/**
 * One broadcast as it travels between instances.
 *
 * @param origin the instance that broadcast it (it has delivered to its own clients already)
 * @param room   the room to deliver to
 * @param event  the Socket.io event name
 * @param json   the event data, as JSON
 */
public record RoomMessage(String origin, String room, String event, String json) {
}
