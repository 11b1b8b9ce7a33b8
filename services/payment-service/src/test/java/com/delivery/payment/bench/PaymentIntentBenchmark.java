package com.delivery.payment.bench;

import static com.delivery.testsupport.bench.BenchMetrics.cpuTicks;
import static com.delivery.testsupport.bench.BenchMetrics.heap;
import static com.delivery.testsupport.bench.BenchMetrics.loadAverage;
import static com.delivery.testsupport.bench.BenchMetrics.percentileMillis;
import static com.delivery.testsupport.bench.BenchMetrics.pid;
import static com.delivery.testsupport.bench.BenchMetrics.printTimers;
import static com.delivery.testsupport.bench.BenchMetrics.rss;
import static com.delivery.testsupport.bench.BenchMetrics.scrape;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.delivery.events.Address;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.GeoPoint;
import com.delivery.events.InventoryReserved;
import com.delivery.events.InventoryReserved.HeldItem;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderCreated.OrderLine;
import com.delivery.events.Topics;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (not a test) of payment intent creation, {@code order.created} + {@code inventory.reserved} → payment row +
 * Stripe PaymentIntent,
 * against a running payment service whose Stripe API base is this main's stand-in (normally the bench instance of
 * {@code scripts/bench.sh payment}, started with {@code STRIPE_API_BASE=http://127.0.0.1:13090} and a dummy
 * {@code sk_test_} key). There is no HTTP endpoint that creates intents: the service opens a payment for every
 * {@code order.created} it consumes and creates its intent once the vendor's {@code inventory.reserved} for the order
 * arrived too, so this main publishes both events of each order (as the order and vendor services would) to the
 * (bench) Kafka broker, keeping {@code inFlight} orders outstanding (closed loop), and measures from the
 * {@code order.created} send to the moment each intent request arrives at the stand-in.
 * <p>
 * The main serves, on loopback only: a WireMock stand-in answering the stripe-java SDK with Stripe-shaped JSON
 * (port 13090) and a JWKS (port 13091, the instance's {@code PLATFORM_SECURITY_JWKSURI}) for the customer tokens it
 * mints to read the payments back. Prints intents/s, latency event → intent request p50/p90/p99, the stand-in's
 * own time, then a closed-loop read benchmark of {@code GET /api/v1/payments/orders/{id}} (what apps poll), the
 * service's heap, RSS, CPU per intent and the server-side timers that moved.
 *
 * <pre>
 * scripts/bench.sh payment [inFlight=64] [seconds=30] [stripe-delay-ms=0]
 * java -cp ... com.delivery.payment.bench.PaymentIntentBenchmark PAYMENT_URL KAFKA inFlight seconds [payment.pid]
 *      [stripeDelayMs]
 * </pre>
 */
public final class PaymentIntentBenchmark {

    static final int STAND_IN_PORT = 13090;
    static final int JWKS_PORT = 13091;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** order id → nanoTime the event was handed to the producer. */
    private static final Map<String, Long> PUBLISHED = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<Long> EVENT_TO_INTENT = new ConcurrentLinkedQueue<>();
    private static final LongAdder INTENTS = new LongAdder();
    private static final LongAdder STAND_IN_NANOS = new LongAdder();
    private static final LongAdder OTHER_CALLS = new LongAdder();
    private static volatile Semaphore inFlightPermits;
    /** How long the stand-in takes per answer, like Stripe's own latency (0: at once). */
    private static volatile int stripeDelayMs;

    private PaymentIntentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String paymentUrl = args.length > 0 ? args[0] : "http://127.0.0.1:13005";
        String kafka = args.length > 1 ? args[1] : "127.0.0.1:19092";
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Long pid = args.length > 4 ? pid(Path.of(args[4])) : null;
        stripeDelayMs = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        if (!URI.create(paymentUrl).getHost().startsWith("127.") || !kafka.startsWith("127.")) {
            throw new IllegalArgumentException("Benchmarks only run against this machine");
        }

        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("bench-" + UUID.randomUUID()).generate();
        HttpServer jwks = jwksServer(key);
        WireMockServer stripe = new WireMockServer(options().port(STAND_IN_PORT).bindAddress("127.0.0.1")
                .containerThreads(64).disableRequestJournal().extensions(new StripeShapes()));
        stripe.start();
        stripe.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withTransformers(StripeShapes.NAME)));

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(UUID.randomUUID());
        }
        UUID vendor = UUID.randomUUID();
        List<String[]> placed = new ArrayList<>(); // order id, customer id
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // warm-up: the consumer may first have to find the topic (metadata refresh) and join the group
            System.out.println("warm-up: 20 orders, waiting for their intents (up to 90 s)");
            inFlightPermits = new Semaphore(1000);
            long warmStart = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                publish(producer, customers.get(i % customers.size()), vendor, placed);
            }
            while (INTENTS.sum() < 20 && System.nanoTime() - warmStart < TimeUnit.SECONDS.toNanos(90)) {
                Thread.sleep(200);
            }
            if (INTENTS.sum() < 20) {
                throw new IllegalStateException("only " + INTENTS.sum() + " of 20 warm-up intents arrived at the stand-in;"
                        + " is the payment service pointed at " + stripe.baseUrl() + " and Kafka " + kafka + "?");
            }
            System.out.printf(Locale.ROOT, "warm-up done after %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
            INTENTS.reset();
            EVENT_TO_INTENT.clear();
            STAND_IN_NANOS.reset();

            Map<String, Double> before = scrape(paymentUrl);
            long cpuBefore = cpuTicks(pid);
            double[] loadBefore = loadAverage();
            inFlightPermits = new Semaphore(inFlight);
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
            long published = 0;
            while (System.nanoTime() < deadline) {
                if (inFlightPermits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    publish(producer, customers.get((int) (published % customers.size())), vendor, placed);
                    published++;
                }
            }
            producer.flush();
            double elapsed = (System.nanoTime() - started) / 1e9;
            long intents = INTENTS.sum();
            double[] loadAfter = loadAverage();
            Map<String, Double> after = scrape(paymentUrl);
            List<Long> latencies = new ArrayList<>(EVENT_TO_INTENT);
            latencies.sort(null);
            System.out.printf(Locale.ROOT, "%norder.created + inventory.reserved -> Stripe intent: %d in flight, %.1f s, stand-in latency %d ms%n",
                    inFlight, elapsed, stripeDelayMs);
            System.out.printf(Locale.ROOT, "  orders published %d (2 events each), intents created %d = %.1f intents/s%n", published,
                    intents, intents / elapsed);
            System.out.printf(Locale.ROOT, "  event -> intent request: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    percentileMillis(latencies, 0.5), percentileMillis(latencies, 0.9), percentileMillis(latencies, 0.99),
                    percentileMillis(latencies, 1.0));
            System.out.printf(Locale.ROOT, "  stand-in time per intent (JSON building, in WireMock) %.2f ms; other Stripe calls %d%n",
                    intents == 0 ? 0 : STAND_IN_NANOS.sum() / 1e6 / intents, OTHER_CALLS.sum());
            System.out.printf(Locale.ROOT, "  load average before %.2f %.2f %.2f, after %.2f %.2f %.2f%n", loadBefore[0],
                    loadBefore[1], loadBefore[2], loadAfter[0], loadAfter[1], loadAfter[2]);
            System.out.printf(Locale.ROOT, "  payment-service heap used %.0f MB (max %.0f MB), RSS %s", heap(after, "used") / 1e6,
                    heap(after, "max") / 1e6, rss(pid));
            if (pid != null && intents > 0) {
                System.out.printf(Locale.ROOT, ", CPU per intent %.1f ms", (cpuTicks(pid) - cpuBefore) * 10.0 / intents);
            }
            System.out.println();
            System.out.println("\nwhere the time goes (payment-service timers during the run: calls, mean, busy share):");
            printTimers("payment-service", before, after, elapsed);

            // drain, then the read path apps poll
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!PUBLISHED.isEmpty() && System.nanoTime() < drainUntil) {
                Thread.sleep(200);
            }
            readBenchmark(paymentUrl, key, placed, 16, Math.max(5, seconds / 2));
        } finally {
            stripe.stop();
            jwks.stop(0);
        }
    }

    private static void publish(KafkaProducer<String, String> producer, UUID customer, UUID vendor, List<String[]> placed) {
        OrderCreated order = new OrderCreated(UUID.randomUUID(), customer, vendor, "Bench Pizzeria", "FOOD",
                List.of(new OrderLine(UUID.randomUUID(), "Pizza Margherita", 2, 950, 1900),
                        new OrderLine(UUID.randomUUID(), "Tiramisu", 1, 550, 550)),
                2450, 299, 245, 200, 0, 2949, "EUR", new Address("Benchstraße 1", "Berlin", "10119", 52.5291, 13.4013),
                new GeoPoint(52.5303, 13.4035), 15);
        EventEnvelope<OrderCreated> created = EventEnvelope.of(order, "order", null);
        String json = EventCodec.encode(created);
        // the vendor holds the stock in reaction to order.created, in the same flow
        String held = EventCodec.encode(EventEnvelope.of(new InventoryReserved(order.orderId(), customer, vendor,
                order.items().stream().map(line -> new HeldItem(line.menuItemId(), line.quantity())).toList()),
                "vendor", created.correlationId()));
        String orderId = order.orderId().toString();
        synchronized (placed) {
            placed.add(new String[] {orderId, customer.toString()});
        }
        PUBLISHED.put(orderId, System.nanoTime());
        producer.send(new ProducerRecord<>(Topics.ORDER_CREATED, orderId, json));
        producer.send(new ProducerRecord<>(Topics.INVENTORY_RESERVED, orderId, held));
    }

    private static void readBenchmark(String paymentUrl, RSAKey key, List<String[]> placed, int clients, int seconds)
            throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        List<String[]> orders = new ArrayList<>(placed);
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            int offset = w;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                    String[] order = orders.get(i++ * 7919 % orders.size());
                    String token = tokens.computeIfAbsent(order[1], c -> token(key, c));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(paymentUrl + "/api/v1/payments/orders/" + order[0]))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status == 200) {
                        latencies.add(System.nanoTime() - t0);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%nGET /api/v1/payments/orders/{id}: %d clients, %.1f s, %d orders%n", clients,
                elapsed, orders.size());
        System.out.printf(Locale.ROOT, "  %d ok = %.1f req/s; p50 %.1f ms  p90 %.1f ms  p99 %.1f ms; by status %s%n",
                sorted.size(), sorted.size() / elapsed, percentileMillis(sorted, 0.5), percentileMillis(sorted, 0.9),
                percentileMillis(sorted, 0.99), new TreeMap<>(byStatus));
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
    private static String token(RSAKey key, String userId) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(userId).issuer("delivery-platform")
                            .claim("roles", List.of("CUSTOMER")).claim("email", "bench-" + userId + "@bench.local")
                            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the Stripe stand-in --------------------------------------------------------------------------------------

    /** Stripe-shaped answers for {@code POST /v1/payment_intents}; anything else gets Stripe's 404 shape. */
    static final class StripeShapes implements ResponseDefinitionTransformerV2 {

        static final String NAME = "bench-stripe-shapes";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            long t0 = System.nanoTime();
            var request = serveEvent.getRequest();
            String path = URI.create(request.getUrl()).getPath();
            if (!request.getMethod().getName().equals("POST") || !path.equals("/v1/payment_intents")) {
                OTHER_CALLS.increment();
                return json(404, Map.of("error", Map.of("type", "invalid_request_error", "code", "resource_missing",
                        "message", "Unrecognized request URL (" + path + ").")));
            }
            Map<String, String> form = form(request.getBodyAsString());
            String orderId = form.get("metadata[orderId]");
            String id = "pi_bench" + UUID.nameUUIDFromBytes(String.valueOf(request.getHeader("Idempotency-Key"))
                    .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16);
            Map<String, Object> intent = new LinkedHashMap<>();
            intent.put("id", id);
            intent.put("object", "payment_intent");
            intent.put("amount", Long.parseLong(form.getOrDefault("amount", "0")));
            intent.put("amount_capturable", 0);
            intent.put("amount_received", 0);
            intent.put("application_fee_amount", form.containsKey("application_fee_amount")
                    ? Long.parseLong(form.get("application_fee_amount")) : null);
            intent.put("automatic_payment_methods", Map.of("allow_redirects", "always", "enabled", true));
            intent.put("capture_method", "automatic_async");
            intent.put("client_secret", id + "_secret_bench");
            intent.put("confirmation_method", "automatic");
            intent.put("created", Instant.now().getEpochSecond());
            intent.put("currency", form.get("currency"));
            intent.put("livemode", false);
            Map<String, String> metadata = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring(9, k.length() - 1), v);
                }
            });
            intent.put("metadata", metadata);
            intent.put("payment_method_types", List.of("card"));
            intent.put("status", "requires_payment_method");
            ResponseDefinition answer = json(200, intent);
            Long sent = orderId == null ? null : PUBLISHED.remove(orderId);
            if (sent != null) {
                EVENT_TO_INTENT.add(System.nanoTime() - sent);
                INTENTS.increment();
                Semaphore permits = inFlightPermits;
                if (permits != null) {
                    permits.release();
                }
            }
            STAND_IN_NANOS.add(System.nanoTime() - t0);
            return answer;
        }

        private static ResponseDefinition json(int status, Object body) {
            ResponseDefinitionBuilder answer = new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_bench" + System.nanoTime())
                    .withBody(JSON.writeValueAsString(body));
            return (stripeDelayMs > 0 ? answer.withFixedDelay(stripeDelayMs) : answer).build();
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            if (body == null || body.isBlank()) {
                return form;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    // --- numbers ----------------------------------------------------------------------------------------------------

}
