package com.delivery.order.bench;

import static com.delivery.testsupport.bench.BenchMetrics.cpuTicks;
import static com.delivery.testsupport.bench.BenchMetrics.heap;
import static com.delivery.testsupport.bench.BenchMetrics.loadAverage;
import static com.delivery.testsupport.bench.BenchMetrics.pid;
import static com.delivery.testsupport.bench.BenchMetrics.printTimers;
import static com.delivery.testsupport.bench.BenchMetrics.rss;
import static com.delivery.testsupport.bench.BenchMetrics.scrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (not a test) of checkout, {@code POST /api/v1/orders}, against running user, vendor and order services
 * (normally the bench instances of {@code scripts/bench.sh order}). Everything it needs is made through the public
 * API first: the local admin logs in, a vendor user registers four approved Berlin vendors open around the clock
 * with a delivery zone and a menu of tracked, well-stocked items, and {@code min(clients, 32)} customers register
 * and log in. Then {@code clients} closed-loop clients each place their next order (one to three lines, its own
 * {@code Idempotency-Key}) as soon as the last one answered, for {@code seconds} after a 5 s warm-up.
 * <p>
 * Prints requests/s, p50/p90/p99/max, errors by status, the order and vendor services' heap (Prometheus
 * {@code jvm_memory_used_bytes{area="heap"}}), RSS and CPU seconds per order when their pid files are given, and
 * the server-side timers that moved during the run (HTTP server and client, Hikari, GC) as "where the time goes".
 * Only loopback URLs are accepted.
 *
 * <pre>
 * scripts/bench.sh order [clients=16] [seconds=30]
 * java -cp ... com.delivery.order.bench.OrderPlacementBenchmark USER_URL VENDOR_URL ORDER_URL clients seconds [order.pid]
 * </pre>
 * {@code seconds = 0} only makes the fixtures (used before the Gatling order simulation).
 */
public final class OrderPlacementBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Bench-Only-Pass-2026";
    private static final double LAT = 52.52;
    private static final double LNG = 13.405;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Vendor(String id, List<String> itemIds) {
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private OrderPlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String userUrl = args.length > 0 ? args[0] : "http://127.0.0.1:13001";
        String vendorUrl = args.length > 1 ? args[1] : "http://127.0.0.1:13003";
        String orderUrl = args.length > 2 ? args[2] : "http://127.0.0.1:13002";
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path orderPidFile = args.length > 5 ? Path.of(args[5]) : null;
        for (String url : List.of(userUrl, vendorUrl, orderUrl)) {
            String host = URI.create(url).getHost();
            if (!host.startsWith("127.") && !host.equals("localhost")) {
                throw new IllegalArgumentException("Benchmarks only run against this machine: " + url);
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        long setupStarted = System.nanoTime();
        String admin = login(userUrl, "admin@delivery.local", "Local-Dev-Pass-2026");
        String vendorOwner = registered(userUrl, "bench-vendor-" + run + "@bench.delivery.local", "VENDOR");
        List<Vendor> vendors = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            vendors.add(vendor(vendorUrl, vendorOwner, admin, run, v));
        }
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < Math.min(clients, 32); c++) {
            customers.add(registered(userUrl, "bench-customer-" + run + "-" + c + "@bench.delivery.local", "CUSTOMER"));
        }
        System.out.printf(Locale.ROOT, "fixtures: %d vendors x %d items, %d customers in %.1f s%n", vendors.size(),
                vendors.getFirst().itemIds().size(), customers.size(), (System.nanoTime() - setupStarted) / 1e9);
        if (seconds <= 0) {
            return;
        }
        Long orderPid = pid(orderPidFile);
        Long vendorPid = orderPidFile == null ? null : pid(orderPidFile.resolveSibling("vendor.pid"));

        System.out.printf("warm-up: %d clients, 5 s%n", clients);
        drive(orderUrl, customers, vendors, clients, 5, new Stats());
        Map<String, Double> orderBefore = scrape(orderUrl);
        Map<String, Double> vendorBefore = scrape(vendorUrl);
        long orderCpuBefore = cpuTicks(orderPid);
        long vendorCpuBefore = cpuTicks(vendorPid);
        double[] loadBefore = loadAverage();
        Stats stats = new Stats();
        long started = System.nanoTime();
        drive(orderUrl, customers, vendors, clients, seconds, stats);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double[] loadAfter = loadAverage();
        Map<String, Double> orderAfter = scrape(orderUrl);
        Map<String, Double> vendorAfter = scrape(vendorUrl);

        long ok = stats.ok.sum();
        System.out.printf(Locale.ROOT, "%nPOST /api/v1/orders: %d clients, %.1f s%n", clients, elapsed);
        System.out.printf(Locale.ROOT, "  created %d = %.1f orders/s; p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                ok, ok / elapsed, stats.percentile(0.50), stats.percentile(0.90), stats.percentile(0.99),
                stats.percentile(1.0));
        System.out.println("  answers by status: " + new TreeMap<>(stats.byStatus));
        System.out.printf(Locale.ROOT, "  load average before %.2f %.2f %.2f, after %.2f %.2f %.2f%n", loadBefore[0],
                loadBefore[1], loadBefore[2], loadAfter[0], loadAfter[1], loadAfter[2]);
        System.out.printf(Locale.ROOT, "  order-service heap used %.0f MB (max %.0f MB), RSS %s%n",
                heap(orderAfter, "used") / 1e6, heap(orderAfter, "max") / 1e6, rss(orderPid));
        System.out.printf(Locale.ROOT, "  vendor-service heap used %.0f MB, RSS %s%n", heap(vendorAfter, "used") / 1e6,
                rss(vendorPid));
        if (orderPid != null && ok > 0) {
            System.out.printf(Locale.ROOT, "  CPU per created order: order-service %.1f ms, vendor-service %.1f ms%n",
                    (cpuTicks(orderPid) - orderCpuBefore) * 10.0 / ok, (cpuTicks(vendorPid) - vendorCpuBefore) * 10.0 / ok);
        }
        System.out.println("\nwhere the time goes (server-side timers during the run: calls, mean, share of wall time x cores):");
        printTimers("order-service", orderBefore, orderAfter, elapsed);
        printTimers("vendor-service", vendorBefore, vendorAfter, elapsed);
    }

    // --- load -------------------------------------------------------------------------------------------------------

    private static final class Stats {
        final LongAdder ok = new LongAdder();
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final List<long[]> perThread = new ArrayList<>();

        synchronized long[] newBuffer() {
            long[] buffer = new long[1 << 20];
            perThread.add(buffer);
            return buffer;
        }

        double percentile(double p) {
            List<Long> all = new ArrayList<>();
            for (long[] buffer : perThread) {
                for (int i = 1; i <= buffer[0]; i++) {
                    all.add(buffer[i]);
                }
            }
            if (all.isEmpty()) {
                return 0;
            }
            all.sort(null);
            return all.get((int) Math.min(all.size() - 1, Math.floor(p * all.size()))) / 1e6;
        }
    }

    private static void drive(String orderUrl, List<String> customers, List<Vendor> vendors, int clients, int seconds,
            Stats stats) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            String token = customers.get(w % customers.size());
            threads.add(Thread.ofPlatform().name("client-" + w).start(() -> {
                long[] latencies = stats.newBuffer();
                while (System.nanoTime() < deadline) {
                    long i = sequence.getAndIncrement();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(orderUrl + "/api/v1/orders"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(orderBody(vendors.get((int) (i % vendors.size())), i)))
                            .build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long took = System.nanoTime() - t0;
                    stats.byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status == 201 && latencies[0] < latencies.length - 1) {
                        stats.ok.increment();
                        latencies[(int) ++latencies[0]] = took;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static String orderBody(Vendor vendor, long i) {
        int lines = 1 + (int) (i % 3);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            items.add(Map.of("menuItemId", vendor.itemIds().get((int) ((i + l) % vendor.itemIds().size())),
                    "quantity", 1 + (int) (i % 2)));
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        return JSON.writeValueAsString(Map.of(
                "vendorId", vendor.id(),
                "items", items,
                "deliveryAddress", Map.of("line1", "Benchstraße " + (i % 500), "city", "Berlin", "postalCode", "10115",
                        "lat", LAT + (rnd.nextDouble() - 0.5) * 0.05, "lng", LNG + (rnd.nextDouble() - 0.5) * 0.08),
                "tipMinor", 100));
    }

    // --- fixtures through the public API ----------------------------------------------------------------------------

    private static String registered(String userUrl, String email, String role) {
        Answer registered = send("POST", userUrl + "/api/v1/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "fullName", "Bench " + role.toLowerCase(Locale.ROOT), "role", role));
        if (registered.status() != 201 && registered.status() != 200 && registered.status() != 409) {
            throw new IllegalStateException("cannot register " + email + ": " + registered);
        }
        return login(userUrl, email, PASSWORD);
    }

    private static String login(String userUrl, String email, String password) {
        Answer answer = send("POST", userUrl + "/api/v1/auth/login", null, Map.of("email", email, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot log in " + email + ": " + answer);
        }
        return answer.json().path("accessToken").asString();
    }

    private static Vendor vendor(String vendorUrl, String owner, String admin, String run, int v) {
        double lat = LAT + 0.01 * (v - 1.5);
        double lng = LNG + 0.012 * (v - 1.5);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "Bench Kitchen " + run + " " + v);
        profile.put("category", "FOOD");
        profile.put("cuisines", List.of("pizza", "bench"));
        profile.put("description", "Benchmark vendor");
        profile.put("address", "Benchstraße " + v);
        profile.put("city", "Berlin");
        profile.put("postalCode", "10115");
        profile.put("lat", lat);
        profile.put("lng", lng);
        profile.put("priceLevel", 2);
        profile.put("prepMinutes", 15);
        profile.put("currency", "EUR");
        profile.put("timeZone", "Europe/Berlin");
        String id = expect(send("POST", vendorUrl + "/api/v1/vendors", owner, profile), 201, "create vendor")
                .json().path("id").asString();
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.add(Map.of("day", day.name(), "opens", "00:00", "closes", "00:00")); // equal times: 24 hours
        }
        expect(send("PUT", vendorUrl + "/api/v1/vendors/" + id + "/hours", owner,
                Map.of("timeZone", "Europe/Berlin", "weekly", weekly)), 200, "hours");
        List<List<Double>> ring = List.of(List.of(13.0, 52.3), List.of(13.8, 52.3), List.of(13.8, 52.7),
                List.of(13.0, 52.7), List.of(13.0, 52.3));
        expect(send("POST", vendorUrl + "/api/v1/vendors/" + id + "/zones", owner, Map.of("name", "Berlin",
                "area", Map.of("type", "Polygon", "coordinates", List.of(ring)), "minimumOrderMinor", 0,
                "deliveryFeeMinor", 299)), 201, "zone");
        List<String> items = new ArrayList<>();
        String[] names = {"Margherita", "Funghi", "Diavola", "Tiramisu", "Lemonade", "Salad"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", i < 3 ? "Pizza" : "Extras");
            item.put("position", i);
            item.put("name", names[i]);
            item.put("priceMinor", 450 + 100L * i);
            item.put("available", true);
            item.put("prepMinutes", 10);
            item.put("stock", 10_000_000);
            item.put("lowStockThreshold", 10);
            items.add(expect(send("POST", vendorUrl + "/api/v1/vendors/" + id + "/menu", owner, item), 201, "menu item")
                    .json().path("id").asString());
        }
        expect(send("POST", vendorUrl + "/api/v1/admin/vendors/" + id + "/approve", admin, Map.of()), 200, "approve");
        return new Vendor(id, items);
    }

    private static Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status && !(status == 201 && answer.status() == 200)) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
        return answer;
    }

    private static Answer send(String method, String url, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- what the servers say ---------------------------------------------------------------------------------------

    private static String abbreviate(String text) {
        return text.length() > 150 ? text.substring(0, 150) + "…" : text;
    }

}
