package com.delivery.order.domain;

import com.delivery.kit.security.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks for a change: a signed-in user with their roles, or the system itself (reacting to payment and driver
 * events). What the actor is <em>to a given order</em> comes from {@link #partiesTo}.
 */
public record Actor(UUID userId, Set<Role> roles, boolean isSystem) {

    private static final Actor SYSTEM = new Actor(null, Set.of(), true);

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor user(UUID userId, Set<Role> roles) {
        return new Actor(userId, roles, false);
    }

    public static Actor theSystem() {
        return SYSTEM;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** The same user acting only as an admin (the admin endpoints), whatever else they are to the order. */
    public Actor asAdmin() {
        return isAdmin() ? new Actor(userId, Set.of(Role.ADMIN), false) : this;
    }

    /**
     * What this actor is to an order: its customer, its vendor's owner, its assigned driver (each needing the
     * matching role as well as the matching id), an admin, or the system. Empty for a stranger.
     */
    public Set<Party> partiesTo(UUID customerId, UUID vendorOwnerId, UUID driverId) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (isSystem) {
            parties.add(Party.SYSTEM);
            return parties;
        }
        if (roles.contains(Role.CUSTOMER) && userId.equals(customerId)) {
            parties.add(Party.CUSTOMER);
        }
        if (roles.contains(Role.VENDOR) && userId.equals(vendorOwnerId)) {
            parties.add(Party.VENDOR);
        }
        if (roles.contains(Role.DRIVER) && driverId != null && userId.equals(driverId)) {
            parties.add(Party.DRIVER);
        }
        if (roles.contains(Role.ADMIN)) {
            parties.add(Party.ADMIN);
        }
        return parties;
    }
}
