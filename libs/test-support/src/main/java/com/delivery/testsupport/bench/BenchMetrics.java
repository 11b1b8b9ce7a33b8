package com.delivery.testsupport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmarks (mains, never tests) read off the machine and the services under load: latency percentiles,
 * the services' own Prometheus samples (heap, timers), and the process figures Linux keeps in {@code /proc}.
 */
public final class BenchMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int TIMER_ROWS = 12;
    private static final int NAME_WIDTH = 150;

    private BenchMetrics() {
    }

    /** The {@code p} quantile (0..1) of ascending nanosecond latencies, in milliseconds; 0 when there are none. */
    public static double percentileMillis(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.floor(p * sortedNanos.size()));
        return sortedNanos.get(index) / 1e6;
    }

    /**
     * Every sample of {@code /actuator/prometheus} of the service at {@code baseUrl} (its REST address), keyed by name
     * and labels. The actuator answers on the service's management port only: REST port + 1000 everywhere
     * (docs/DEPLOYMENT.md), so 13005 is scraped on 14005.
     */
    public static Map<String, Double> scrape(String baseUrl) {
        Map<String, Double> samples = new LinkedHashMap<>();
        URI metrics = managementUri(baseUrl, "/actuator/prometheus");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                try {
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException notANumber) {
                    // NaN or an exemplar: not a figure to report
                }
            }
        } catch (IOException e) {
            System.out.println("  (no Prometheus samples from " + metrics + ": " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return samples;
    }

    /** {@code path} on the management port (REST port + 1000) of the service at {@code baseUrl}. */
    static URI managementUri(String baseUrl, String path) {
        URI rest = URI.create(baseUrl);
        return URI.create(rest.getScheme() + "://" + rest.getHost() + ":" + (rest.getPort() + 1000) + path);
    }

    /** Heap bytes of a kind ({@code used}, {@code committed}, {@code max}) summed over the heap pools. */
    public static double heap(Map<String, Double> samples, String kind) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith("jvm_memory_" + kind + "_bytes{") && e.getKey().contains("area=\"heap\""))
                .mapToDouble(Map.Entry::getValue).filter(v -> v > 0).sum();
    }

    /** Prints the timers ({@code *_seconds_count/_sum}) that moved between two scrapes: calls, mean, busy share. */
    public static void printTimers(String service, Map<String, Double> before, Map<String, Double> after,
            double elapsedSeconds) {
        record Row(String name, double calls, double seconds) {
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            String key = e.getKey();
            int brace = key.indexOf('{');
            String name = brace < 0 ? key : key.substring(0, brace);
            if (!name.endsWith("_seconds_count")) {
                continue;
            }
            String sumKey = name.replace("_seconds_count", "_seconds_sum") + (brace < 0 ? "" : key.substring(brace));
            double calls = e.getValue() - before.getOrDefault(key, 0.0);
            double seconds = after.getOrDefault(sumKey, 0.0) - before.getOrDefault(sumKey, 0.0);
            if (calls >= 1 && seconds > 0) {
                rows.add(new Row(key.replace("_seconds_count", "").replaceAll(",?application=\"[^\"]*\"", "")
                        .replaceAll(",?(error|exception|outcome)=\"(none|None|SUCCESS)\"", ""), calls, seconds));
            }
        }
        rows.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
        System.out.println("  " + service + ":");
        for (Row row : rows.subList(0, Math.min(TIMER_ROWS, rows.size()))) {
            String label = row.name().length() > NAME_WIDTH ? row.name().substring(0, NAME_WIDTH) + "…" : row.name();
            System.out.printf(Locale.ROOT, "    %8.0f calls  mean %7.2f ms  busy %5.2f  %s%n", row.calls(),
                    row.seconds() * 1000 / row.calls(), row.seconds() / elapsedSeconds, label);
        }
    }

    /** A numeric field of {@code /proc/<pid>/status} ({@code VmRSS} in MB, others as they are), or "?". */
    public static String processStatus(Long pid, String field) {
        if (pid == null) {
            return "?";
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    long value = Long.parseLong(line.replaceAll("\\D", ""));
                    return field.startsWith("Vm") ? value / 1024 + " MB" : Long.toString(value);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended or /proc is not there: unknown
        }
        return "?";
    }

    /** Resident memory of a process, "123 MB", or "?". */
    public static String rss(Long pid) {
        return processStatus(pid, "VmRSS");
    }

    /** The 1, 5 and 15 minute load averages of this machine (zeros where unknown). */
    public static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException unknown) {
            return new double[3];
        }
    }

    /** The pid written in a pid file (as scripts/bench.sh and fleet.sh write them), or null. */
    public static Long pid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : null;
        } catch (IOException | NumberFormatException unreadable) {
            return null;
        }
    }

    /** utime + stime of a process in clock ticks (10 ms on Linux), 0 when unknown. */
    public static long cpuTicks(Long pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
