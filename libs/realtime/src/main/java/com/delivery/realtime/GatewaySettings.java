package com.delivery.realtime;

/**
 * Where a gateway listens and what it calls itself.
 *
 * @param name          short name for logs (e.g. {@code order})
 * @param host          interface to bind, {@code 0.0.0.0} for all
 * @param port          port of the Socket.io server (its own Netty server, beside the HTTP port)
 * @param workerThreads Netty worker threads; 0 lets Netty choose
 */
public record GatewaySettings(String name, String host, int port, int workerThreads) {

    public GatewaySettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Socket.io port must be between 1 and 65535, was " + port);
        }
    }
}
