package com.delivery.kitsample;

import com.delivery.events.EventCodec;
import com.delivery.events.UserRegistered;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A miniature service that uses the kit the way real services do (outside the kit package, so the kit stays auto-configuration). */
@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "kit-test.user.registered";
    public static final String FLAKY_TOPIC = "kit-test.flaky";

    record Greeting(@NotBlank String name, @Max(10) int times) {
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

        @GetMapping("/public/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internal detail");
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
