package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.Topics;
import com.delivery.events.UserRegistered;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.LocalKafka;
import com.delivery.testsupport.RequiresInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class OutboxIT {

    @Autowired
    KitTestApplication.NoteWriter writer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommittedChangePublishesItsEventKeyedByAggregate() {
        try (EventProbe probe = EventProbe.open(Topics.USER_REGISTERED)) {
            UUID userId = writer.write("committed", false);

            await().atMost(Duration.ofSeconds(15)).until(() -> probe.valuesFor(userId.toString()).size() == 1);
            UserRegistered event = EventCodec.decode(probe.valuesFor(userId.toString()).getFirst(), UserRegistered.class)
                    .payload();
            assertThat(event.userId()).isEqualTo(userId);
            assertThat(pendingFor(userId)).isZero();
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        assertThatThrownBy(() -> writer.write("rolled-back", true)).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE payload LIKE '%rolled-back@example.com%'",
                Integer.class)).isZero();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceItIsBackInOrderAndOnceEach() {
        try (EventProbe probe = EventProbe.open(Topics.USER_REGISTERED)) {
            LocalKafka.stop();
            List<UUID> written = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    written.add(writer.write("during-outage-" + i, false));
                }
                assertThat(written).allSatisfy(id -> assertThat(pendingFor(id)).isEqualTo(1));
            } finally {
                LocalKafka.start();
            }

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(written).allSatisfy(id -> assertThat(probe.valuesFor(id.toString())).isNotEmpty()));
            List<String> arrivedOrder = probe.records().stream().map(ConsumerRecord::key)
                    .filter(key -> written.stream().anyMatch(id -> id.toString().equals(key))).distinct().toList();
            assertThat(arrivedOrder).hasSize(10);
            // the consumer's effect happened exactly once per event, however often Kafka delivered it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(written).allSatisfy(id ->
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM notes WHERE aggregate = ? AND text = 'consumed'",
                            Integer.class, id.toString())).isEqualTo(1)));
        }
    }

    private int pendingFor(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND published_at IS NULL",
                Integer.class, aggregate.toString());
    }
}
