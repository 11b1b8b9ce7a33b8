package com.delivery.kitsample;

import com.delivery.events.EventCodec;
import com.delivery.events.UserRegistered;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.resilience.RedisGuard;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.input.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A miniature service that uses the kit the way real services do (outside the kit package, so the kit stays auto-configuration). */
@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "kit-test.user.registered";
    public static final String FLAKY_TOPIC = "kit-test.flaky";

    record Greeting(@NotBlank String name, @Max(10) int times) {
    }

    enum Size { SMALL, LARGE }

    /** Every kind of field the input rules care about, echoed back as parsed. */
    record Sample(String name, List<String> tags, Map<String, String> labels, Integer count, Long amount, int times,
            Double lat, Size size, UUID ref, @HttpUrl String imageUrl, List<@HttpUrl String> imageUrls) {
    }

    @RestController
    static class SampleController {

        @GetMapping("/public/ping")
        Map<String, String> ping() {
            return Map.of("pong", "yes");
        }

        @PostMapping("/public/greetings")
        Map<String, String> greet(@Valid @RequestBody Greeting greeting) {
            return Map.of("hello", greeting.name());
        }

        @GetMapping("/private/me")
        Map<String, Object> me(CurrentUser user) {
            return Map.of("id", user.id().toString(), "roles", user.roles());
        }

        @GetMapping("/private/admin")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, String> admin() {
            return Map.of("admin", "yes");
        }

        @GetMapping("/private/things/{id}")
        Map<String, String> thing(@PathVariable UUID id) {
            throw ApiException.notFound("Thing", id);
        }

        @GetMapping("/public/whoami")
        Map<String, Object> whoAmI(CurrentUser user) {
            return Map.of("id", user.id().toString());
        }

        @PostMapping("/public/echo")
        Sample echo(@Valid @RequestBody Sample sample) {
            return sample;
        }

        @GetMapping("/public/search")
        Map<String, Object> search(@RequestParam(required = false) String q,
                @RequestParam(required = false) Double radius, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) Size size) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("q", q);
            answer.put("radius", radius);
            answer.put("page", page);
            return answer;
        }

        @GetMapping("/public/names/{name}")
        Map<String, String> name(@PathVariable String name) {
            return Map.of("name", name);
        }

        @GetMapping("/public/things/{id}")
        Map<String, String> publicThing(@PathVariable UUID id) {
            return Map.of("id", id.toString());
        }

        /** Like a signed webhook: the exact bytes matter. */
        @PostMapping("/public/raw")
        Map<String, Object> raw(@RequestBody byte[] body) throws NoSuchAlgorithmException {
            return Map.of("length", body.length, "sha256", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(body)));
        }

        @GetMapping("/public/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    /**
     * The three ways a service uses Redis on a request's path: a cache in front of the database, something only
     * Redis knows (through the guard), and a plain call without the guard (the problem advice answers for it).
     */
    @RestController
    static class RedisUsesController {

        static final String CACHE_KEY = "kit-test:notes-count";
        static final String PRESENCE_KEY = "kit-test:presence";

        private final RedisGuard guard;
        private final StringRedisTemplate redis;
        private final JdbcTemplate jdbc;

        RedisUsesController(RedisGuard guard, StringRedisTemplate redis, JdbcTemplate jdbc) {
            this.guard = guard;
            this.redis = redis;
            this.jdbc = jdbc;
        }

        @GetMapping("/public/notes/count")
        Map<String, Object> notesCount() {
            String cached = guard.withFallback("kit-test-cache", () -> redis.opsForValue().get(CACHE_KEY), () -> null);
            if (cached != null) {
                return Map.of("count", Long.parseLong(cached), "source", "cache");
            }
            long count = jdbc.queryForObject("SELECT count(*) FROM notes", Long.class);
            guard.bestEffort("kit-test-cache", () -> redis.opsForValue().set(CACHE_KEY, String.valueOf(count),
                    Duration.ofSeconds(30)));
            return Map.of("count", count, "source", "database");
        }

        @GetMapping("/public/presence")
        Map<String, Object> presence() {
            String seen = guard.required("kit-test-presence", () -> redis.opsForValue().get(PRESENCE_KEY));
            return Map.of("seen", seen == null ? "never" : seen);
        }

        @GetMapping("/public/unguarded")
        Map<String, Object> unguarded() {
            return Map.of("exists", Boolean.TRUE.equals(redis.hasKey(PRESENCE_KEY)));
        }
    }

    /** Writes a note and its event in one transaction, optionally failing after both were written. */
    @Component
    static class NoteWriter {
        private final JdbcTemplate jdbc;
        private final OutboxWriter outbox;

        NoteWriter(JdbcTemplate jdbc, OutboxWriter outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public UUID write(String text, boolean failAfterwards) {
            UUID userId = UUID.randomUUID();
            jdbc.update("INSERT INTO notes (aggregate, text) VALUES (?, ?)", userId.toString(), text);
            outbox.append(new UserRegistered(userId, text + "@example.com", null, text, "CUSTOMER", "en"));
            if (failAfterwards) {
                throw new IllegalStateException("rolled back on purpose");
            }
            return userId;
        }
    }

    /** Applies each event once: a note per event, recorded with the event id in the same transaction. */
    @Component
    static class NoteListener {
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicInteger failuresToInject = new AtomicInteger();
        private final IdempotentEventHandler handler;
        private final JdbcTemplate jdbc;

        NoteListener(IdempotentEventHandler handler, JdbcTemplate jdbc) {
            this.handler = handler;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = {TOPIC, "user.registered"}, groupId = "kit-test-notes")
        void on(String json) {
            deliveries.incrementAndGet();
            handler.handleOnce(EventCodec.decode(json, UserRegistered.class), event -> {
                jdbc.update("INSERT INTO notes (aggregate, text) VALUES (?, 'consumed')", event.aggregateId());
                if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("transient failure on purpose");
                }
            });
        }

        @KafkaListener(topics = FLAKY_TOPIC, groupId = "kit-test-flaky")
        void alwaysFails(String json) {
            throw new IllegalStateException("this message can never be processed");
        }
    }
}
