package com.delivery.realtime;

/** A handshake token that does not prove who the client is. */
public class SocketAuthenticationException extends RuntimeException {

    public SocketAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
