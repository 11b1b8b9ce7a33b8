package com.delivery.realtime;

import java.util.Set;
import java.util.UUID;

/**
 * Who is at the other end of a socket, as the access token checked at the handshake says.
 *
 * @param userId the token's subject
 * @param roles  the token's {@code roles} claim: {@code CUSTOMER}, {@code VENDOR}, {@code DRIVER}, {@code ADMIN}
 */
public record SocketPrincipal(UUID userId, Set<String> roles) {

    public SocketPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole("ADMIN");
    }
}
