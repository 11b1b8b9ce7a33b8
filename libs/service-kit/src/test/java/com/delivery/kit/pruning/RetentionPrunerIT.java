package com.delivery.kit.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.kit.pruning.RetentionPruner.PruneResult;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pruner against the real PostgreSQL, in a schema of its own in the {@code kit} database (migrated with the
 * common migrations), so no other test's rows, and no other pruner, are in the way of exact counts.
 */
@RequiresInfrastructure(Infra.POSTGRES)
class RetentionPrunerIT {

    static final String SCHEMA = "kit_pruning_it";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final RetentionPolicy POLICY = RetentionPolicy.outliving(
            new KafkaReplayWindow(Duration.ofDays(7), Duration.ofDays(7)), Duration.ofDays(3), Duration.ofDays(15));
    static final int BATCH = 3;

    static String url;
    JdbcTemplate jdbc;
    PrometheusMeterRegistry meters;
    RetentionPruner pruner;

    @BeforeAll
    static void migrateOwnSchema() throws SQLException {
        url = "jdbc:postgresql://" + Infra.POSTGRES.host() + ":" + Infra.POSTGRES.port() + "/kit";
        try (Connection connection = DriverManager.getConnection(url, "kit", "kit");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."));
        Flyway.configure().dataSource(url, "kit", "kit").schemas(SCHEMA)
                .locations("filesystem:" + root.resolve("database/migrations/common").toAbsolutePath())
                .load().migrate();
    }

    @BeforeEach
    void pruner() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url + "?currentSchema=" + SCHEMA, "kit", "kit");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("TRUNCATE outbox, processed_events");
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        pruner = new RetentionPruner(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), POLICY,
                BATCH, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    @Test
    void publishedOutboxRowsGoAfterTheirRetentionAndUnpublishedOnesNever() {
        Duration retention = Duration.ofDays(3);
        for (int i = 1; i <= 7; i++) { // more than two batches
            outboxRow("old-" + i, NOW.minus(Duration.ofDays(10)), NOW.minus(retention).minusSeconds(i));
        }
        outboxRow("just-expired", NOW.minus(Duration.ofDays(4)), NOW.minus(retention).minusMillis(1));
        outboxRow("at-cutoff", NOW.minus(Duration.ofDays(4)), NOW.minus(retention));
        outboxRow("recent", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        outboxRow("unpublished-ancient", NOW.minus(Duration.ofDays(30)), null);
        outboxRow("unpublished-new", NOW, null);

        PruneResult result = pruneWhereNoOneElseIs();

        assertThat(result.outboxRows()).isEqualTo(8);
        assertThat(outboxTopics()).containsExactlyInAnyOrder("at-cutoff", "recent", "unpublished-ancient",
                "unpublished-new");
        assertThat(meters.scrape()).contains("outbox_pruned_rows_total{table=\"outbox\"} 8.0")
                .contains("outbox_pruned_rows_total{table=\"processed_events\"} 0.0");
        assertThat(pruneWhereNoOneElseIs().outboxRows()).as("nothing more to do").isZero();
    }

    @Test
    void processedEventsGoOnlyAfterOutlivingKafkasRedelivery() {
        UUID shared = UUID.randomUUID();
        processedEvent("payment-service", shared, NOW.minus(Duration.ofDays(16)));
        processedEvent("vendor-service", shared, NOW.minus(Duration.ofDays(1)));
        processedEvent("order-service", UUID.randomUUID(), NOW.minus(Duration.ofDays(15)).minusMillis(1));
        processedEvent("order-service", UUID.randomUUID(), NOW.minus(Duration.ofDays(15)));
        processedEvent("order-service", UUID.randomUUID(), NOW.minus(Duration.ofDays(14)));
        processedEvent("order-service", UUID.randomUUID(), NOW);

        PruneResult result = pruneWhereNoOneElseIs();

        assertThat(result.processedEventRows()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT processed_at FROM processed_events ORDER BY processed_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant)
                .containsExactly(NOW.minus(Duration.ofDays(15)), NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(1)), NOW);
        assertThat(jdbc.queryForObject("SELECT consumer FROM processed_events WHERE event_id = ?", String.class, shared))
                .as("the same event, processed by another consumer a day ago").isEqualTo("vendor-service");
        assertThat(meters.scrape()).contains("outbox_pruned_rows_total{table=\"processed_events\"} 2.0");
    }

    @Test
    void whileAnotherInstanceHoldsThePruningLockNothingIsDeleted() throws SQLException {
        outboxRow("old", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(9)));
        processedEvent("order-service", UUID.randomUUID(), NOW.minus(Duration.ofDays(20)));

        try (Connection otherInstance = DriverManager.getConnection(url, "kit", "kit")) {
            otherInstance.setAutoCommit(false);
            try (Statement statement = otherInstance.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + RetentionPruner.LOCK_KEY + ")");
            }
            PruneResult blocked = pruner.pruneExpired();

            assertThat(blocked.lockedElsewhere()).isTrue();
            assertThat(blocked.outboxRows() + blocked.processedEventRows()).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events", Integer.class)).isEqualTo(1);
            otherInstance.commit();
        }

        PruneResult after = pruneWhereNoOneElseIs();
        assertThat(after.outboxRows()).isEqualTo(1);
        assertThat(after.processedEventRows()).isEqualTo(1);
    }

    @Test
    void theMigrationGivesEachDeleteAnIndexToWalk() {
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = ?", String.class, SCHEMA))
                .contains("outbox_published_at", "processed_events_processed_at");
        // on tables this small the planner would rather scan; forbidding that shows the index fits the query
        assertThat(planWithoutSeqScans("SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < now() "
                + "ORDER BY published_at LIMIT 5000")).contains("outbox_published_at");
        assertThat(planWithoutSeqScans("SELECT consumer, event_id FROM processed_events WHERE processed_at < now() "
                + "ORDER BY processed_at LIMIT 5000")).contains("processed_events_processed_at");
    }

    /** Another process's pruner (a test JVM next to this one) may hold the database-wide lock for a moment. */
    private PruneResult pruneWhereNoOneElseIs() {
        AtomicLong outbox = new AtomicLong();
        AtomicLong processed = new AtomicLong();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            PruneResult round = pruner.pruneExpired();
            outbox.addAndGet(round.outboxRows());
            processed.addAndGet(round.processedEventRows());
            return !round.lockedElsewhere();
        });
        return new PruneResult(outbox.get(), processed.get(), false);
    }

    private String planWithoutSeqScans(String query) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            List<String> lines = jdbc.queryForList("EXPLAIN " + query, String.class);
            return String.join("\n", lines);
        });
    }

    private void outboxRow(String label, Instant createdAt, Instant publishedAt) {
        jdbc.update("INSERT INTO outbox (event_id, topic, aggregate_id, payload, created_at, published_at) "
                + "VALUES (?, ?, 'aggregate', '{}', ?, ?)", UUID.randomUUID(), label, utc(createdAt), utc(publishedAt));
    }

    private void processedEvent(String consumer, UUID eventId, Instant processedAt) {
        jdbc.update("INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (?, ?, ?)", consumer,
                eventId, utc(processedAt));
    }

    private List<String> outboxTopics() {
        return jdbc.queryForList("SELECT topic FROM outbox", String.class);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
