package com.delivery.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really reached a Kafka topic, from the moment the probe was opened (its own consumer group, starting at
 * the end of the topic), so a test sees only the events it caused.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private EventProbe(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static EventProbe open(String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        // the probe starts at the end itself (below); "earliest" only matters when its committed offsets are gone,
        // e.g. the broker came back with fresh storage: then everything there is new to the test
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
        // join the group and fix the starting offsets before the test acts
        long deadline = System.currentTimeMillis() + 15_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(tp -> consumer.position(tp));
        // committed, so a rejoin after a broker restart resumes here instead of jumping to the end
        consumer.commitSync();
        return new EventProbe(consumer);
    }

    public static String bootstrapServers() {
        String configured = System.getProperty("KAFKA_BOOTSTRAP_SERVERS", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        return configured == null || configured.isBlank() ? Infra.KAFKA.host() + ":" + Infra.KAFKA.port() : configured;
    }

    /** Everything received so far (polls once more first). */
    public synchronized List<ConsumerRecord<String, String>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Values of the records received so far whose key is the given aggregate id. */
    public List<String> valuesFor(String key) {
        return records().stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** The same, on one topic only: Kafka orders records within a partition, never across topics. */
    public List<String> valuesFor(String topic, String key) {
        return records().stream().filter(r -> topic.equals(r.topic()) && key.equals(r.key()))
                .map(ConsumerRecord::value).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
