package com.delivery.realtime;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks handshake tokens with the service's own {@link JwtDecoder}, so a socket accepts exactly the tokens the
 * service's HTTP API accepts (same JWKS, issuer, algorithm and expiry rules).
 */
public final class JwtSocketAuthenticator implements SocketAuthenticator {

    private static final String ROLES_CLAIM = "roles";

    private final JwtDecoder decoder;

    public JwtSocketAuthenticator(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public SocketPrincipal authenticate(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            return new SocketPrincipal(UUID.fromString(jwt.getSubject()), roles == null ? Set.of() : Set.copyOf(roles));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            throw new SocketAuthenticationException("Invalid access token", e);
        }
    }
}
