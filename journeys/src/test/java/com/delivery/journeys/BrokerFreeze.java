package com.delivery.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the Kafka broker away from everyone at once by freezing its process (SIGSTOP) and brings it back (SIGCONT).
 * A frozen broker is the harshest way a broker can be gone: connections neither answer nor close, so every client
 * waits on its own timeouts, exactly as in a network partition or a broker stuck in a long pause. Its data stays
 * as it was, so the shared broker other modules' tests use is not disturbed once it thaws. Closing thaws it, also
 * when the test failed half-way.
 */
final class BrokerFreeze implements AutoCloseable {

    private static final int KAFKA_PORT = 9092;
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private final long pid;
    private volatile boolean frozen;

    private BrokerFreeze(long pid) {
        this.pid = pid;
    }

    /** Freezes the process listening on Kafka's port. */
    static BrokerFreeze freeze() {
        BrokerFreeze freeze = new BrokerFreeze(listenerPid());
        freeze.signal("STOP");
        freeze.frozen = true;
        return freeze;
    }

    /** Lets the broker run again. */
    void thaw() {
        if (frozen) {
            signal("CONT");
            frozen = false;
        }
    }

    @Override
    public void close() {
        thaw();
    }

    private void signal(String name) {
        run("kill", "-" + name, String.valueOf(pid));
    }

    private static long listenerPid() {
        String listening = run("ss", "-Hltnp", "sport = :" + KAFKA_PORT);
        Matcher matcher = PID.matcher(listening);
        if (!matcher.find()) {
            throw new IllegalStateException("no process listens on " + KAFKA_PORT + ": " + listening);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
