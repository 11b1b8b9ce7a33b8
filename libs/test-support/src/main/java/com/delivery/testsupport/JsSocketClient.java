package com.delivery.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official socket.io JS client (npm {@code socket.io-client} 4.x, pinned by
 * {@code libs/realtime/src/test/js/package-lock.json}) driven by {@code default-client.mjs} with its default options -
 * HTTP long-polling first, then the upgrade to WebSocket - many times against a gateway. Used by the realtime
 * library's and the order and tracking services' gateway tests.
 *
 * <p>Needs Node.js 18+ on the {@code PATH}; {@code npm ci} installs the client into the git-ignored
 * {@code node_modules} beside the script when it is missing (the npm registry must be reachable that once).
 */
public final class JsSocketClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCRIPT = "default-client.mjs";

    private JsSocketClient() {
    }

    /** What the script printed: one line per failed connection, then a summary. */
    public record Result(int exitCode, List<String> lines, String stderr) {

        /** {@code {total, ok, stuck, upgraded, latencyMs, ms}} */
        public JsonNode summary() {
            return lines.isEmpty() ? JSON.missingNode() : JSON.readTree(lines.getLast());
        }

        public String describe() {
            int shown = Math.min(lines.size(), 20);
            return "node exit " + exitCode + ", last lines:\n" + String.join("\n", lines.subList(lines.size() - shown,
                    lines.size())) + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr);
        }
    }

    /** {@code libs/realtime/src/test/js}, found from the working directory of any module. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("libs/realtime/src/test/js");
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return candidate;
            }
        }
        throw new IllegalStateException("libs/realtime/src/test/js/" + SCRIPT + " not found above "
                + Path.of("").toAbsolutePath());
    }

    /** Fails with a clear message when Node.js is missing; installs the pinned client when it is not there yet. */
    public static void install() {
        Path dir = directory();
        String version = exec(List.of("node", "--version"), dir, Duration.ofSeconds(20),
                "Node.js 18+ must be on the PATH for the socket.io JS client tests (e.g. apt-get install nodejs npm)");
        int major = Integer.parseInt(version.trim().replaceFirst("^v(\\d+).*", "$1"));
        if (major < 18) {
            throw new IllegalStateException("Node.js 18+ is needed for the socket.io JS client tests, found " + version);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, Duration.ofMinutes(3),
                    "npm ci in " + dir + " failed (the npm registry must be reachable once)");
        }
    }

    /**
     * Runs the script with {@code plan} (see its header: url, connections [{token, room}], concurrency, mode,
     * latencyMs, stepTimeoutMs) and waits for it, at most {@code limit}.
     */
    public static Result run(Map<String, Object> plan, Duration limit) throws IOException, InterruptedException {
        install();
        Path planFile = Files.createTempFile("js-client-plan", ".json");
        Path out = Files.createTempFile("js-client-out", ".txt");
        Path err = Files.createTempFile("js-client-err", ".txt");
        try {
            Files.writeString(planFile, JSON.writeValueAsString(plan));
            Process process = new ProcessBuilder("node", SCRIPT, planFile.toString()).directory(directory().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + SCRIPT + " did not finish within " + limit + ":\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err));
        } finally {
            Files.deleteIfExists(planFile);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String exec(List<String> command, Path dir, Duration limit, String failure) {
        try {
            Path out = Files.createTempFile("js-client-exec", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(failure + ": " + command + " did not finish within " + limit);
                }
                String output = Files.readString(out);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(failure + ": " + command + " exited " + process.exitValue() + "\n"
                            + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure, e);
        }
    }
}
