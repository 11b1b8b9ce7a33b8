package com.delivery.tracking.bench;

import static com.delivery.testsupport.bench.BenchMetrics.cpuTicks;
import static com.delivery.testsupport.bench.BenchMetrics.heap;
import static com.delivery.testsupport.bench.BenchMetrics.loadAverage;
import static com.delivery.testsupport.bench.BenchMetrics.pid;
import static com.delivery.testsupport.bench.BenchMetrics.printTimers;
import static com.delivery.testsupport.bench.BenchMetrics.processStatus;
import static com.delivery.testsupport.bench.BenchMetrics.scrape;

import com.delivery.events.DriverAssigned;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.json.JSONObject;

/**
 * Benchmark (not a test) of the tracking Socket.io gateway against a running tracking service (normally the bench
 * instance of {@code scripts/bench.sh tracking}, whose {@code PLATFORM_SECURITY_JWKSURI} is this main's JWKS on
 * 127.0.0.1:13091 and whose Kafka is the bench broker).
 * <ol>
 *   <li>Tokens: minted here (RS256, issuer {@code delivery-platform}, {@code roles}), as user-service issues them:
 *       thousands of registrations would only measure BCrypt.</li>
 *   <li>Ownership: tracking learns who may watch an order from {@code driver.assigned}; one event per order
 *       (customer i, driver i mod drivers) is published to the bench Kafka, then the main waits until tracking
 *       knows a sample of them. Ids are name-based, the same on every run: a rerun finds the trips and skips this.</li>
 *   <li>Connections: first the {@code drivers}, then {@code customers} Socket.io connections (WebSocket transport
 *       only, token at the handshake, one shared OkHttp client whose dispatcher runs on virtual threads), each
 *       customer joining {@code order:<its order>}; at most 200 customer handshakes in flight.</li>
 *   <li>Hold {@code seconds}: every driver sends {@code location:update} every {@code intervalMs}, cycling through
 *       its orders; each accepted fix is fanned out as {@code driver:location} to the order's room. The latency is
 *       the fix's {@code ts} (send time) to its arrival at the customer's socket.</li>
 * </ol>
 * Prints connections held, join failures, updates sent/acknowledged/refused, deliveries/s, delivery latency
 * p50/p90/p99/max, ack round trip, tracking-service heap/RSS/threads/CPU per update and this client's threads.
 * Client-side caveat: socket.io-client runs every callback of every connection on one event thread, so under load
 * part of the latency is this client's queue; the ack round trip shows the server's share.
 *
 * <pre>
 * scripts/bench.sh tracking [customers=1000] [drivers=100] [seconds=30] [intervalMs=1000]
 * java -Xss256k -cp ... com.delivery.tracking.bench.TrackingGatewayBenchmark TRACKING_URL SOCKET_URL KAFKA \
 *      customers drivers seconds intervalMs [tracking.pid]
 * </pre>
 */
public final class TrackingGatewayBenchmark {

    static final int JWKS_PORT = 13091;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final double LAT = 52.52;
    private static final double LNG = 13.405;

    private record Order(UUID id, UUID customer, UUID driver) {
    }

    private static final LongAdder DELIVERED = new LongAdder();
    private static final ConcurrentLinkedQueue<Long> DELIVERY_MS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Long> ACK_NANOS = new ConcurrentLinkedQueue<>();
    private static final Map<String, LongAdder> ACKS = new ConcurrentHashMap<>();
    private static final AtomicInteger CONNECTED = new AtomicInteger();
    private static final AtomicInteger JOINED = new AtomicInteger();
    private static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();
    private static final AtomicInteger DISCONNECTED = new AtomicInteger();
    private static volatile boolean measuring;
    private static volatile long holdFrom = Long.MAX_VALUE;
    private static volatile long holdUntil = Long.MAX_VALUE;

    private TrackingGatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String trackingUrl = args.length > 0 ? args[0] : "http://127.0.0.1:13006";
        String socketUrl = args.length > 1 ? args[1] : "http://127.0.0.1:13106";
        String kafka = args.length > 2 ? args[2] : "127.0.0.1:19092";
        int customers = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int drivers = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int intervalMs = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        Long pid = args.length > 7 ? pid(Path.of(args[7])) : null;
        for (String url : List.of(trackingUrl, socketUrl)) {
            if (!URI.create(url).getHost().startsWith("127.")) {
                throw new IllegalArgumentException("Benchmarks only run against this machine: " + url);
            }
        }
        System.out.printf(Locale.ROOT, "tracking gateway: %d customers, %d drivers, update every %d ms per driver, hold %d s;"
                + " ulimit -n of this JVM: %s%n", customers, drivers, intervalMs, seconds, maxFds());

        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("bench-" + UUID.randomUUID()).generate();
        HttpServer jwks = jwksServer(key);
        // the same ids on every run: tracking keeps its trips, so a rerun skips the events it already consumed
        List<UUID> driverIds = new ArrayList<>();
        for (int d = 0; d < drivers; d++) {
            driverIds.add(id("bench-driver-" + d));
        }
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            orders.add(new Order(id("bench-order-" + c), id("bench-customer-" + c), driverIds.get(c % drivers)));
        }

        // 1. ownership through the events tracking consumes
        long t0 = System.nanoTime();
        UUID vendor = id("bench-vendor");
        String adminToken = token(key, UUID.randomUUID(), "ADMIN");
        List<Order> probes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            probes.add(orders.get(i * customers / 30));
            probes.add(orders.get(customers - 1 - i % customers));
        }
        boolean known = probes.stream().allMatch(o -> knows(trackingUrl, adminToken, o));
        if (known) {
            System.out.println("ownership: tracking already knows these orders and drivers (earlier run)");
        } else {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (Order order : orders) {
                    DriverAssigned assigned = new DriverAssigned(order.id(), order.driver(), "Bench Rider", "BICYCLE",
                            order.customer(), vendor);
                    producer.send(new ProducerRecord<>(Topics.DRIVER_ASSIGNED, order.id().toString(),
                            EventCodec.encode(EventEnvelope.of(assigned, "driver", null))));
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, customers / 15));
            while (!probes.isEmpty() && System.nanoTime() < deadline) {
                probes.removeIf(o -> knows(trackingUrl, adminToken, o));
                if (!probes.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            if (!probes.isEmpty()) {
                throw new IllegalStateException(probes.size() + " orders unknown to tracking: is it consuming " + kafka + "?");
            }
            System.out.printf(Locale.ROOT, "ownership: %d driver.assigned events consumed in %.1f s%n", customers,
                    (System.nanoTime() - t0) / 1e9);
        }

        // 2. connections
        Dispatcher dispatcher = new Dispatcher(Executors.newVirtualThreadPerTaskExecutor());
        dispatcher.setMaxRequests(1_000_000);
        dispatcher.setMaxRequestsPerHost(1_000_000);
        OkHttpClient okHttp = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(0, TimeUnit.MILLISECONDS)
                .connectTimeout(10, TimeUnit.SECONDS).build();
        Map<UUID, List<Order>> byDriver = new LinkedHashMap<>();
        for (Order order : orders) {
            byDriver.computeIfAbsent(order.driver(), d -> new ArrayList<>()).add(order);
        }
        List<Socket> driverSockets = new ArrayList<>();
        CountDownLatch driversUp = new CountDownLatch(drivers);
        for (UUID driver : driverIds) {
            Socket socket = socket(socketUrl, okHttp, token(key, driver, "DRIVER"));
            socket.on(Socket.EVENT_CONNECT, a -> driversUp.countDown());
            socket.on(Socket.EVENT_CONNECT_ERROR, a -> fail("driver connect error"));
            socket.connect();
            driverSockets.add(socket);
        }
        if (!driversUp.await(60, TimeUnit.SECONDS)) {
            System.out.println("  warning: only " + (drivers - driversUp.getCount()) + " drivers connected");
        }
        System.out.printf("drivers: %d connected (they start sending after the customers' ramp)%n",
                drivers - driversUp.getCount());

        List<Socket> sockets = new ArrayList<>();
        Semaphore handshakes = new Semaphore(200);
        double[] loadBeforeRamp = loadAverage();
        long rampStart = System.nanoTime();
        CountDownLatch customersSettled = new CountDownLatch(customers);
        for (Order order : orders) {
            handshakes.acquire();
            Socket socket = socket(socketUrl, okHttp, token(key, order.customer(), "CUSTOMER"));
            AtomicInteger settled = new AtomicInteger();
            Runnable settle = () -> {
                if (settled.getAndIncrement() == 0) {
                    handshakes.release();
                    customersSettled.countDown();
                }
            };
            String room = "order:" + order.id();
            socket.on(Socket.EVENT_CONNECT, a -> {
                CONNECTED.incrementAndGet();
                socket.emit("join", new Object[] {room}, (Ack) ack -> {
                    if (ack.length > 0 && ack[0] instanceof JSONObject answer && answer.optBoolean("ok")) {
                        JOINED.incrementAndGet();
                    } else {
                        fail("join refused");
                    }
                    settle.run();
                });
            });
            socket.on(Socket.EVENT_CONNECT_ERROR, a -> {
                fail("connect error: " + (a.length > 0 ? String.valueOf(a[0]) : "?"));
                settle.run();
            });
            socket.on(Socket.EVENT_DISCONNECT, a -> {
                if (settled.get() > 0) {
                    DISCONNECTED.incrementAndGet();
                }
                fail("disconnect: " + (a.length > 0 ? String.valueOf(a[0]) : "?"));
                settle.run();
            });
            socket.on("driver:location", a -> {
                long now = System.currentTimeMillis();
                if (a.length > 0 && a[0] instanceof JSONObject fix) {
                    long ts = Instant.parse(fix.optString("ts")).toEpochMilli();
                    if (ts >= holdFrom && ts < holdUntil) { // only fixes sent during the hold
                        DELIVERED.increment();
                        DELIVERY_MS.add(now - ts);
                    }
                }
            });
            socket.connect();
            sockets.add(socket);
        }
        boolean allSettled = customersSettled.await(Math.max(60, customers / 50), TimeUnit.SECONDS);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        System.out.printf(Locale.ROOT, "ramp: %d customer connections, %d joined their order room in %.1f s (%.0f/s)%s;"
                + " load before %.2f%n", CONNECTED.get(), JOINED.get(), rampSeconds, JOINED.get() / rampSeconds,
                allSettled ? "" : " (not all settled)", loadBeforeRamp[0]);
        report("  after ramp", pid, trackingUrl);

        // 3. hold and fan out
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        AtomicLong sent = new AtomicLong();
        Map<UUID, AtomicLong> lastTs = new ConcurrentHashMap<>();
        for (int d = 0; d < drivers; d++) {
            UUID driver = driverIds.get(d);
            Socket socket = driverSockets.get(d);
            List<Order> own = byDriver.getOrDefault(driver, List.of());
            if (own.isEmpty()) {
                continue;
            }
            AtomicInteger next = new AtomicInteger();
            // the same spot per driver on every run: a rerun's first fix must not look like an impossible jump
            double baseLat = LAT + ((d * 37) % 100 - 50) * 0.001;
            double baseLng = LNG + ((d * 61) % 100 - 50) * 0.0015;
            AtomicLong last = lastTs.computeIfAbsent(driver, x -> new AtomicLong());
            senders.scheduleAtFixedRate(() -> {
                if (!socket.connected()) {
                    return;
                }
                int n = next.getAndIncrement();
                Order order = own.get(n % own.size());
                long ts = last.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis()));
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("orderId", order.id().toString());
                fields.put("lat", baseLat + (n % 20) * 0.00001);
                fields.put("lng", baseLng);
                fields.put("heading", 90);
                fields.put("speed", 3.0);
                fields.put("accuracy", 10);
                fields.put("ts", ts);
                JSONObject fix = new JSONObject(fields);
                long emitted = System.nanoTime();
                if (measuring) {
                    sent.incrementAndGet();
                }
                boolean counted = measuring;
                socket.emit("location:update", new Object[] {fix}, (Ack) ack -> {
                    if (!counted) {
                        return;
                    }
                    ACK_NANOS.add(System.nanoTime() - emitted);
                    String outcome = ack.length > 0 && ack[0] instanceof JSONObject answer
                            ? (answer.optBoolean("ok") ? "ok" : answer.optString("code", "refused")) : "empty";
                    ACKS.computeIfAbsent(outcome, o -> new LongAdder()).increment();
                });
            }, ThreadLocalRandom.current().nextInt(intervalMs), intervalMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(Math.min(5000, intervalMs * 3L)); // warm-up
        Map<String, Double> before = scrape(trackingUrl);
        long cpuBefore = cpuTicks(pid);
        double[] loadBefore = loadAverage();
        holdFrom = System.currentTimeMillis();
        measuring = true;
        long holdStart = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring = false;
        holdUntil = System.currentTimeMillis();
        double held = (System.nanoTime() - holdStart) / 1e9;
        Thread.sleep(5000); // late deliveries of fixes sent during the hold still count
        double[] loadAfter = loadAverage();
        senders.shutdownNow();
        long cpuAfter = cpuTicks(pid);

        List<Long> latencies = new ArrayList<>(DELIVERY_MS);
        latencies.sort(null);
        List<Long> acks = new ArrayList<>(ACK_NANOS);
        acks.sort(null);
        long accepted = ACKS.getOrDefault("ok", new LongAdder()).sum();
        System.out.printf(Locale.ROOT, "%nhold %.1f s: connections held %d (customers %d joined, drivers %d), disconnects %d%n",
                held, CONNECTED.get() + drivers - driversUp.getCount() - DISCONNECTED.get(), JOINED.get(),
                drivers - driversUp.getCount(), DISCONNECTED.get());
        System.out.printf(Locale.ROOT, "  location:update sent %d = %.1f/s; acks %s%n", sent.get(), sent.get() / held,
                new TreeMap<>(ACKS));
        System.out.printf(Locale.ROOT, "  driver:location delivered %d = %.1f/s (%.1f%% of accepted)%n", DELIVERED.sum(),
                DELIVERED.sum() / held, accepted == 0 ? 0 : 100.0 * DELIVERED.sum() / accepted);
        System.out.printf(Locale.ROOT, "  delivery latency (fix ts -> customer socket): p50 %d ms  p90 %d ms  p99 %d ms  max %d ms%n",
                pick(latencies, 0.5), pick(latencies, 0.9), pick(latencies, 0.99), pick(latencies, 1.0));
        System.out.printf(Locale.ROOT, "  ack round trip (emit -> ack at the driver): p50 %.1f ms  p99 %.1f ms%n",
                pick(acks, 0.5) / 1e6, pick(acks, 0.99) / 1e6);
        System.out.printf(Locale.ROOT, "  load average before %.2f %.2f %.2f, after %.2f %.2f %.2f%n", loadBefore[0],
                loadBefore[1], loadBefore[2], loadAfter[0], loadAfter[1], loadAfter[2]);
        if (pid != null && sent.get() > 0) {
            System.out.printf(Locale.ROOT, "  tracking-service CPU per location update %.2f ms (%.0f%% of one core)%n",
                    (cpuAfter - cpuBefore) * 10.0 / sent.get(), (cpuAfter - cpuBefore) / held);
        }
        report("  after hold", pid, trackingUrl);
        System.out.printf("  this client: %d threads (live), heap %d MB%n", Thread.activeCount(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        System.out.println("  failures: " + new TreeMap<>(FAILURES));
        System.out.println("\nwhere the time goes (tracking-service timers during the hold: calls, mean, busy share):");
        printTimers("tracking-service", before, scrape(trackingUrl), held);

        for (Socket socket : sockets) {
            socket.off();
            socket.close();
        }
        for (Socket socket : driverSockets) {
            socket.off();
            socket.close();
        }
        Thread.sleep(1000);
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        jwks.stop(0);
        System.exit(0);
    }

    private static Socket socket(String url, OkHttpClient okHttp, String token) {
        IO.Options options = new IO.Options();
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        options.timeout = 60_000;
        // the token at the Engine.IO handshake (Authorization header) rather than in the Socket.IO auth payload:
        // with thousands of sockets on this client's single event thread, the auth packet can come later than the
        // gateway's 3 s grace for sockets without a token, which then closes them (seen at 10,000)
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + token));
        options.webSocketFactory = okHttp;
        options.callFactory = okHttp;
        return IO.socket(URI.create(url), options);
    }

    private static void fail(String reason) {
        String key = reason.length() > 80 ? reason.substring(0, 80) : reason;
        FAILURES.computeIfAbsent(key, r -> new LongAdder()).increment();
    }

    private static void report(String when, Long pid, String trackingUrl) {
        Map<String, Double> samples = scrape(trackingUrl);
        System.out.printf(Locale.ROOT, "%s: tracking-service heap used %.0f MB (max %.0f MB), RSS %s, threads %s, open fds %s%n",
                when, heap(samples, "used") / 1e6, heap(samples, "max") / 1e6, processStatus(pid, "VmRSS"), processStatus(pid, "Threads"),
                fds(pid));
    }

    // --- tokens ---------------------------------------------------------------------------------------------------

    private static HttpServer jwksServer(RSAKey key) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", JWKS_PORT), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** An access token as user-service issues them: RS256, issuer delivery-platform, {@code roles}. */
    private static String token(RSAKey key, UUID userId, String role) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(userId.toString()).issuer("delivery-platform")
                            .claim("roles", List.of(role)).claim("email", "bench-" + userId + "@bench.local")
                            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- numbers ----------------------------------------------------------------------------------------------------

    private static long pick(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** Tracking knows the order with this driver assigned. */
    private static boolean knows(String trackingUrl, String token, Order order) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(trackingUrl
                    + "/api/v1/tracking/orders/" + order.id())).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(order.driver().toString());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String fds(Long pid) {
        try {
            try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                return Long.toString(list.count());
            }
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String maxFds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? Long.toString(unix.getMaxFileDescriptorCount()) : "?";
    }

}
