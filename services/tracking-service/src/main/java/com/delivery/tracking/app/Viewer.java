package com.delivery.tracking.app;

import java.util.Set;
import java.util.UUID;

/**
 * Who asks, whether over HTTP or a socket: the token's subject and roles ({@code CUSTOMER}, {@code VENDOR},
 * {@code DRIVER}, {@code ADMIN}).
 */
public record Viewer(UUID id, Set<String> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has("ADMIN");
    }

    public boolean isDriver() {
        return has("DRIVER");
    }

    public boolean isVendor() {
        return has("VENDOR");
    }
}
