package com.delivery.realtime;

/** Turns the token a client offers at the handshake into a principal, or refuses it. */
@FunctionalInterface
public interface SocketAuthenticator {

    /** @throws SocketAuthenticationException when the token is malformed, expired, forged or names no user */
    SocketPrincipal authenticate(String token);
}
