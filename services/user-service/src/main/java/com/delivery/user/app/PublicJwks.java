package com.delivery.user.app;

import java.util.Map;

/** The public half of the signing key as a JWK set, served at {@code /.well-known/jwks.json}. */
public record PublicJwks(Map<String, Object> json) {
}
