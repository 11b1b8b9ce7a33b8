package com.delivery.tracking.infra;

import com.delivery.realtime.RoomAuthorizer;
import com.delivery.realtime.SocketPrincipal;
import com.delivery.tracking.app.OrderAccess;
import com.delivery.tracking.app.Viewer;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Rooms of the tracking gateway: {@code order:<id>} for whoever may watch that order (its customer, driver,
 * vendor owner, admins), and {@code driver:<id>} for that driver's own sockets (where refused location reports
 * are answered with {@code location:error}) and admins.
 */
@Component
public class TrackingRooms implements RoomAuthorizer {

    public static final String ORDER_ROOM_PREFIX = "order:";
    public static final String DRIVER_ROOM_PREFIX = "driver:";

    private final OrderAccess access;

    TrackingRooms(OrderAccess access) {
        this.access = access;
    }

    public static String order(UUID orderId) {
        return ORDER_ROOM_PREFIX + orderId;
    }

    public static String driver(UUID driverId) {
        return DRIVER_ROOM_PREFIX + driverId;
    }

    static Viewer viewer(SocketPrincipal principal) {
        return new Viewer(principal.userId(), principal.roles());
    }

    @Override
    public boolean mayJoin(SocketPrincipal principal, String room) {
        if (room.startsWith(ORDER_ROOM_PREFIX)) {
            UUID orderId = uuid(room.substring(ORDER_ROOM_PREFIX.length()));
            return orderId != null && access.mayWatch(viewer(principal), orderId);
        }
        if (room.startsWith(DRIVER_ROOM_PREFIX)) {
            UUID driverId = uuid(room.substring(DRIVER_ROOM_PREFIX.length()));
            return driverId != null && (principal.isAdmin() || driverId.equals(principal.userId()));
        }
        return false;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
