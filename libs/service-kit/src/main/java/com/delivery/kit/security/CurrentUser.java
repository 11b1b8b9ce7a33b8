package com.delivery.kit.security;

import com.delivery.kit.web.ApiException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated caller, as a controller parameter. Ownership checks live here so every service does them alike. */
public record CurrentUser(UUID id, Set<Role> roles, String email) {

    public static CurrentUser from(Jwt jwt) {
        Collection<String> claimed = jwt.getClaimAsStringList(JwtRoles.CLAIM);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claimed != null) {
            claimed.forEach(r -> roles.add(Role.valueOf(r)));
        }
        return new CurrentUser(UUID.fromString(jwt.getSubject()), roles, jwt.getClaimAsString("email"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isSelfOrAdmin(UUID ownerId) {
        return isAdmin() || id.equals(ownerId);
    }

    /** 403 unless the caller is the owner or an admin. */
    public void requireSelfOrAdmin(UUID ownerId) {
        if (!isSelfOrAdmin(ownerId)) {
            throw ApiException.forbidden("This belongs to someone else");
        }
    }

    public void requireRole(Role role) {
        if (!has(role) && !isAdmin()) {
            throw ApiException.forbidden("This needs the " + role + " role");
        }
    }
}
