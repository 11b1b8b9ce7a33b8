package com.delivery.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the local Kafka broker away and brings it back, to test behaviour during an outage. The broker process is
 * frozen (SIGSTOP) and thawed (SIGCONT): to every client it stops answering, exactly as a crashed or partitioned
 * broker does, while its storage and cluster identity stay as they were, whichever checkout started it.
 */
public final class LocalKafka {

    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private LocalKafka() {
    }

    public static void stop() {
        signal("STOP");
    }

    public static void start() {
        signal("CONT");
    }

    private static void signal(String signal) {
        String pid = brokerPid();
        run("kill", "-" + signal, pid);
    }

    private static String brokerPid() {
        String listening = run("ss", "-Hltnp", "sport = :" + Infra.KAFKA.port());
        Matcher pid = PID.matcher(listening);
        if (!pid.find()) {
            throw new IllegalStateException("No local process listens on the Kafka port " + Infra.KAFKA.port()
                    + "; start it with `scripts/infra.sh start kafka`");
        }
        return pid.group(1);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0] + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
