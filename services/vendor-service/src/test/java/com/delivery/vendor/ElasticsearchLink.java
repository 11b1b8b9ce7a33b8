package com.delivery.vendor;

import com.delivery.testsupport.Infra;
import com.delivery.testsupport.StablePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the service under test and the real Elasticsearch, which a test can cut the ways Elasticsearch
 * goes away: {@link #refuse() down} (connections refused), {@link #stall() hung} (connections accepted, never
 * answered), or {@link #hold() held} (the bytes wait and go through on {@link #restore()}). The service's
 * {@code spring.elasticsearch.uris} points here; everything else in the test talks to the real servers.
 */
final class ElasticsearchLink {

    private static ElasticsearchLink shared;

    private final InetSocketAddress elasticsearch;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final int port;
    private ServerSocket server;
    private volatile boolean stalled;
    private boolean held;
    /** The first line of each request waiting at the closed gate, e.g. {@code POST /_bulk HTTP/1.1}. */
    private final List<String> requestsHeld = new ArrayList<>();

    private ElasticsearchLink(InetSocketAddress elasticsearch) {
        this.elasticsearch = elasticsearch;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** The one link of the test JVM, in front of the Elasticsearch that {@link Infra#ELASTICSEARCH} names. */
    static synchronized ElasticsearchLink shared() {
        if (shared == null) {
            shared = new ElasticsearchLink(new InetSocketAddress(Infra.ELASTICSEARCH.host(),
                    Infra.ELASTICSEARCH.port()));
        }
        return shared;
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Elasticsearch is down: nothing listens, every connection is refused, the open ones are cut. */
    synchronized void refuse() {
        closeQuietly(server);
        server = null;
        closeAll();
    }

    /** Elasticsearch hangs: connections are accepted and read, never answered; the open ones are cut. */
    synchronized void stall() {
        stalled = true;
        closeAll();
    }

    /** Traffic stops where it is, connections stay open; {@link #restore()} lets it go on. */
    void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    /** Whether a request whose first line starts with {@code requestLine} waits at the closed gate. */
    boolean isHolding(String requestLine) {
        synchronized (gate) {
            return requestsHeld.stream().anyMatch(line -> line.startsWith(requestLine));
        }
    }

    /** Elasticsearch is back: held traffic goes on, stalled connections are cut, connections are accepted again. */
    synchronized void restore() {
        if (stalled) {
            stalled = false;
            closeAll();
        }
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
        if (server == null) {
            server = listen(port);
            accept(server);
        }
    }

    /** Port 0: a free one outside the ephemeral range (refuse() closes it and restore() must get it back). */
    private static ServerSocket listen(int port) {
        try {
            return port == 0 ? StablePorts.listenOnFreePort() : StablePorts.listenOn(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().name("elasticsearch-link-accept").start(() -> {
            while (!listening.isClosed()) {
                try {
                    connect(listening.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void connect(Socket service) {
        sockets.add(service);
        if (stalled) {
            Thread.ofVirtual().start(() -> swallow(service));
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(elasticsearch, 2000);
        } catch (IOException e) {
            closeQuietly(service);
            return;
        }
        sockets.add(upstream);
        Thread.ofVirtual().start(() -> pump(service, upstream, true));
        Thread.ofVirtual().start(() -> pump(upstream, service, false));
    }

    private void pump(Socket from, Socket to, boolean towardElasticsearch) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                passGate(towardElasticsearch ? firstLine(buffer, read) : null);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // one side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Waits while traffic is held; {@code request} names what waits (null for answers). */
    private void passGate(String request) throws InterruptedException {
        synchronized (gate) {
            if (!held) {
                return;
            }
            if (request != null) {
                requestsHeld.add(request);
            }
            try {
                while (held) {
                    gate.wait();
                }
            } finally {
                if (request != null) {
                    requestsHeld.remove(request);
                }
            }
        }
    }

    private static String firstLine(byte[] bytes, int length) {
        String start = new String(bytes, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
        int end = start.indexOf('\r');
        return end < 0 ? start : start.substring(0, end);
    }

    private void swallow(Socket service) {
        byte[] buffer = new byte[16 * 1024];
        try (service) {
            InputStream in = service.getInputStream();
            while (in.read(buffer) >= 0) {
                // a hung node reads the request and never answers
            }
        } catch (IOException closed) {
            // cut by restore()
        } finally {
            sockets.remove(service);
        }
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
        if (closeable instanceof Socket socket) {
            sockets.remove(socket);
        }
    }
}
