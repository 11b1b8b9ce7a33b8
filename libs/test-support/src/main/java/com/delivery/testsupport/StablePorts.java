package com.delivery.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback listening sockets for test stand-ins that close their port and must listen on the same one again (a
 * server "restarted in place"). Such a port must lie outside the kernel's ephemeral range: while it is closed, a
 * client reconnecting to it in a loop may be given that very number as its own source port and connect to itself
 * (TCP simultaneous open), or any outgoing connection may take it, and the port cannot be listened on again
 * ("Address already in use"; seen once in a clean-clone CI run).
 */
public final class StablePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int LOWEST = 20_000;

    private StablePorts() {
    }

    /** A new listening socket on a free loopback port below the ephemeral range. */
    public static ServerSocket listenOnFreePort() throws IOException {
        int below = ephemeralRangeStart();
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            try {
                return listenOn(port);
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IOException("no free loopback port between " + LOWEST + " and " + below, last);
    }

    /** A listening socket on exactly this loopback port (address reuse on, so TIME_WAIT does not block it). */
    public static ServerSocket listenOn(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The first ephemeral port (Linux: {@code net.ipv4.ip_local_port_range}; 32768 elsewhere or if unreadable). */
    static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
