package com.delivery.order.infra;

import com.delivery.kit.security.Role;
import com.delivery.order.app.OrderQueries;
import com.delivery.order.domain.Actor;
import com.delivery.realtime.RoomAuthorizer;
import com.delivery.realtime.SocketPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Rooms of the order gateway: {@code order:<id>} for whoever may see that order (its customer, its vendor's owner,
 * its driver, admins) and {@code admin}, the live feed of every change, for admins.
 */
@Component
public class OrderRooms implements RoomAuthorizer {

    public static final String ADMIN_ROOM = "admin";
    public static final String ORDER_ROOM_PREFIX = "order:";

    private final OrderQueries queries;

    OrderRooms(OrderQueries queries) {
        this.queries = queries;
    }

    public static String of(UUID orderId) {
        return ORDER_ROOM_PREFIX + orderId;
    }

    @Override
    public boolean mayJoin(SocketPrincipal principal, String room) {
        if (ADMIN_ROOM.equals(room)) {
            return principal.isAdmin();
        }
        if (!room.startsWith(ORDER_ROOM_PREFIX)) {
            return false;
        }
        UUID orderId;
        try {
            orderId = UUID.fromString(room.substring(ORDER_ROOM_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return queries.isVisible(orderId, Actor.user(principal.userId(), roles(principal.roles())));
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                // a role this service does not know grants nothing here
            }
        }
        return roles;
    }
}
