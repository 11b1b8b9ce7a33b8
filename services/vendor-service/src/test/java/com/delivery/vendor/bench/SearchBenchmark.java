package com.delivery.vendor.bench;

import static com.delivery.testsupport.bench.BenchMetrics.percentileMillis;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark (not a test) of vendor search and autocomplete against a running vendor service loaded with the demo
 * city. Closed loop: {@code workers} concurrent clients, each sending its next request when the last one answered,
 * for {@code seconds} per scenario, after a short warm-up; only 127.0.0.1 (or the given local URL) is called.
 *
 * <pre>
 * java -cp services/vendor-service/target/test-classes com.delivery.vendor.bench.SearchBenchmark \
 *      http://127.0.0.1:3003 16 20
 * </pre>
 */
public final class SearchBenchmark {

    private static final String[] WORDS = {"pizza", "sushi", "curry", "burger", "taco", "noodle", "bistro", "falafel",
        "döner", "ramen", "pho", "dumpling", "grill", "bakery", "vegan", "steak", "poke", "thai", "kebab", "market",
        "apotheke", "golden", "little", "royal", "lucky", "trattoria", "piz", "sus", "cur", "bur"};
    private static final String[] CATEGORIES = {"FOOD", "GROCERY", "PHARMACY"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:3003";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (!URI.create(base).getHost().startsWith("127.") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("Benchmarks only run against this machine");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        run(http, "search: text + location (distance sort)", workers, seconds, () -> base
                + "/api/v1/vendors/search?q=" + enc(word()) + "&lat=" + lat() + "&lng=" + lng() + "&radiusKm=5");
        run(http, "search: category + open now + location", workers, seconds, () -> base
                + "/api/v1/vendors/search?category=" + CATEGORIES[rnd().nextInt(3)] + "&openNow=true&lat=" + lat()
                + "&lng=" + lng());
        run(http, "autocomplete", workers, seconds, () -> {
            String word = word();
            return base + "/api/v1/vendors/autocomplete?prefix=" + enc(word.substring(0, Math.min(word.length(),
                    2 + rnd().nextInt(3))));
        });
        run(http, "menu-item search near a location", workers, seconds, () -> base
                + "/api/v1/menu-items/search?q=" + enc(word()) + "&lat=" + lat() + "&lng=" + lng() + "&radiusKm=3");
    }

    private static void run(HttpClient http, String name, int workers, int seconds, Supplier<String> urls)
            throws InterruptedException {
        loop(http, workers, 3, urls, new ConcurrentLinkedQueue<>(), new AtomicLong()); // warm-up
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        loop(http, workers, seconds, urls, latencies, errors);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-42s %6d req in %4.1f s = %7.1f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n",
                name, sorted.size(), elapsed, sorted.size() / elapsed, percentileMillis(sorted, 0.50), percentileMillis(sorted, 0.99),
                errors.get());
    }

    private static void loop(HttpClient http, int workers, int seconds, Supplier<String> urls,
            ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get()))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - t0);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static ThreadLocalRandom rnd() {
        return ThreadLocalRandom.current();
    }

    private static String word() {
        return WORDS[rnd().nextInt(WORDS.length)];
    }

    private static String lat() {
        return String.format(Locale.ROOT, "%.4f", 52.52 + (rnd().nextDouble() - 0.5) * 0.2);
    }

    private static String lng() {
        return String.format(Locale.ROOT, "%.4f", 13.405 + (rnd().nextDouble() - 0.5) * 0.35);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
