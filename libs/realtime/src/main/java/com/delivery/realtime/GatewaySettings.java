package com.delivery.realtime;

import java.util.List;
import java.util.Locale;

/**
 * Where a gateway listens, what it calls itself, which browser origins may use it and how big a client message
 * may be.
 *
 * @param name            short name for logs (e.g. {@code order})
 * @param host            interface to bind, {@code 0.0.0.0} for all
 * @param port            port of the Socket.io server (its own Netty server, beside the HTTP port)
 * @param workerThreads   Netty worker threads; 0 lets Netty choose
 * @param allowedOrigins  browser origins (e.g. {@code https://admin.example.com}) that may connect: the same list as
 *                        the REST API's {@code platform.security.cors-allowed-origins}. A request that carries any
 *                        other {@code Origin} is refused (403) before the handshake; one without an {@code Origin}
 *                        (the native apps, servers) is not affected. {@code *} allows every origin, without
 *                        credentials. Empty: no browser origin may connect.
 * @param maxPayloadBytes the largest WebSocket message and HTTP long-polling body a client may send; bigger ones
 *                        close the connection (WebSocket 1009) or get 413. The largest real client message (a
 *                        {@code location:update} or a {@code join}) is under 2 KB, so the default
 *                        {@value #DEFAULT_MAX_PAYLOAD_BYTES} leaves room for a polling batch of dozens of them.
 */
public record GatewaySettings(String name, String host, int port, int workerThreads, List<String> allowedOrigins,
        int maxPayloadBytes) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    public GatewaySettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Socket.io port must be between 1 and 65535, was " + port);
        }
        if (maxPayloadBytes < 1024 || maxPayloadBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("Socket.io max payload must be between 1 KB and 16 MB, was "
                    + maxPayloadBytes);
        }
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .filter(origin -> origin != null && !origin.isBlank())
                .map(GatewaySettings::normalizeOrigin)
                .distinct()
                .toList();
    }

    /** No browser origin allowed, {@value #DEFAULT_MAX_PAYLOAD_BYTES} bytes per message. */
    public GatewaySettings(String name, String host, int port, int workerThreads) {
        this(name, host, port, workerThreads, List.of(), DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public GatewaySettings(String name, String host, int port, int workerThreads, List<String> allowedOrigins) {
        this(name, host, port, workerThreads, allowedOrigins, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** Whether a browser page from {@code origin} (an {@code Origin} header value) may use the gateway. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(normalizeOrigin(origin));
    }

    static String normalizeOrigin(String origin) {
        String trimmed = origin.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        // scheme and host are case-insensitive; browsers send them in lower case
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
