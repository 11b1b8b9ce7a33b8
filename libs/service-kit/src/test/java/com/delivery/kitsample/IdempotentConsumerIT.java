package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.events.UserRegistered;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class IdempotentConsumerIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KitTestApplication.NoteListener listener;

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        EventEnvelope<UserRegistered> event = sampleEvent();
        String json = EventCodec.encode(event);
        int before = listener.deliveries.get();

        kafka.send(KitTestApplication.TOPIC, event.aggregateId(), json).get();
        kafka.send(KitTestApplication.TOPIC, event.aggregateId(), json).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.deliveries.get() >= before + 2);
        assertThat(consumedNotes(event)).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedAndAppliedOnce() throws Exception {
        EventEnvelope<UserRegistered> event = sampleEvent();
        listener.failuresToInject.set(2);

        kafka.send(KitTestApplication.TOPIC, event.aggregateId(), EventCodec.encode(event)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> consumedNotes(event) == 1);
        assertThat(listener.failuresToInject.get()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingEndsUpInTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlt = EventProbe.open(Topics.dlt(KitTestApplication.FLAKY_TOPIC))) {
            kafka.send(KitTestApplication.FLAKY_TOPIC, key, "{\"anything\":true}").get();

            await().atMost(Duration.ofSeconds(30)).until(() -> dlt.valuesFor(key).size() == 1);
            assertThat(dlt.valuesFor(key).getFirst()).isEqualTo("{\"anything\":true}");
        }
    }

    @Test
    void anUnreadableEventGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlt = EventProbe.open(Topics.dlt(KitTestApplication.TOPIC))) {
            kafka.send(KitTestApplication.TOPIC, key, "not json at all").get();

            await().atMost(Duration.ofSeconds(30)).until(() -> dlt.valuesFor(key).size() == 1);
        }
    }

    private int consumedNotes(EventEnvelope<UserRegistered> event) {
        return jdbc.queryForObject("SELECT count(*) FROM notes WHERE aggregate = ? AND text = 'consumed'",
                Integer.class, event.aggregateId());
    }

    private static EventEnvelope<UserRegistered> sampleEvent() {
        UUID userId = UUID.randomUUID();
        return EventEnvelope.of(new UserRegistered(userId, "x@example.com", null, "X", "CUSTOMER", "en"),
                "kit-test", "corr-" + userId);
    }
}
