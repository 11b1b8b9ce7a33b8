package com.delivery.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Stands between the application under test and one real server (point the application at {@link #port()}), and
 * breaks the link on demand the ways links break:
 * <ul>
 *   <li>{@link #blackhole()}: connections are accepted and kept, but no byte moves either way (a partition, a
 *       frozen server). Nothing is lost: once {@linkplain #forward() forwarded} again, what was sent arrives in
 *       order, as TCP would retransmit it, so the protocol on top stays in step;</li>
 *   <li>{@link #refuse()}: every connection is closed and new ones are refused (the server died);
 *       {@link #forward()} listens on the same port again (restarted in place);</li>
 *   <li>{@link #forward()}: everything passes.</li>
 * </ul>
 */
public final class FaultyTcpProxy implements AutoCloseable {

    private enum Mode { FORWARD, BLACKHOLE, REFUSE, CLOSED }

    /** Asked at every connection, so a server that Testcontainers started after this proxy is still reached. */
    private final Supplier<InetSocketAddress> target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition modeChanged = lock.newCondition();
    private Mode mode;
    private ServerSocket listener;

    private FaultyTcpProxy(Supplier<InetSocketAddress> target, Mode initial) throws IOException {
        this.target = target;
        this.mode = initial;
        // outside the ephemeral range: refuse() closes the port and forward() must get the same one back
        this.listener = StablePorts.listenOnFreePort();
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A proxy on a free loopback port that passes everything to the server. */
    public static FaultyTcpProxy to(Infra server) {
        return open(server, Mode.FORWARD);
    }

    /** A proxy to the server that is a blackhole from the start: it accepts connections and never answers. */
    public static FaultyTcpProxy blackholeTo(Infra server) {
        return open(server, Mode.BLACKHOLE);
    }

    private static FaultyTcpProxy open(Infra server, Mode initial) {
        try {
            return new FaultyTcpProxy(() -> new InetSocketAddress(server.host(), server.port()), initial);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a proxy to " + server + ": " + e, e);
        }
    }

    public int port() {
        return port;
    }

    public void forward() {
        switchTo(Mode.FORWARD);
    }

    public void blackhole() {
        switchTo(Mode.BLACKHOLE);
    }

    public void refuse() {
        switchTo(Mode.REFUSE);
    }

    @Override
    public void close() {
        switchTo(Mode.CLOSED);
    }

    private void switchTo(Mode next) {
        lock.lock();
        try {
            if (mode == Mode.CLOSED) {
                return;
            }
            Mode previous = mode;
            mode = next;
            modeChanged.signalAll();
            if (next == Mode.REFUSE || next == Mode.CLOSED) {
                closeQuietly(listener);
                sockets.forEach(FaultyTcpProxy::closeQuietly);
                sockets.clear();
            } else if (previous == Mode.REFUSE) {
                listener = StablePorts.listenOn(port);
                accept(listener);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " again: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private void accept(ServerSocket from) {
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!from.isClosed()) {
                try {
                    Socket client = from.accept();
                    sockets.add(client);
                    Thread.ofVirtual().name("proxy-connection-" + port).start(() -> connect(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** Reaches the server once bytes may flow (a blackhole accepts, then says nothing), then pumps both ways. */
    private void connect(Socket client) {
        try {
            if (!awaitFlowing()) {
                closeQuietly(client);
                return;
            }
            Socket server = new Socket();
            server.connect(target.get(), 5_000);
            sockets.add(server);
            Thread.ofVirtual().name("proxy-up-" + port).start(() -> pump(client, server));
            pump(server, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (awaitFlowing()) {
                int read = in.read(buffer);
                // bytes read just before a blackhole began are held until it ends, never dropped
                if (read < 0 || !awaitFlowing()) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // the other side or refuse() closed the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Waits while the link is a blackhole; false once it refuses or is closed. */
    private boolean awaitFlowing() {
        lock.lock();
        try {
            while (mode == Mode.BLACKHOLE) {
                modeChanged.await();
            }
            return mode == Mode.FORWARD;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing what is already broken
        }
    }
}
