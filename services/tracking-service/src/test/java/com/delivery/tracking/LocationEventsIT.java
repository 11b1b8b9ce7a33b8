package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.DriverLocationUpdated;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.TestSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code driver.location_updated} for the driver service: throttled per driver, straight to Kafka. */
class LocationEventsIT extends TrackingServiceTestBase {

    private static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(2); // application-test.yml

    @Test
    void manyUpdatesBecomeAtMostOneEventPerDriverPerInterval() throws Exception {
        TestTrip trip = assigned(newTrip("SCOOTER"));
        try (EventProbe probe = EventProbe.open(Topics.DRIVER_LOCATION_UPDATED);
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            // an app sending a fix every 100 ms for 4.5 s
            List<Double> sentLats = new CopyOnWriteArrayList<>();
            List<Boolean> acks = new CopyOnWriteArrayList<>();
            ScheduledExecutorService app = Executors.newSingleThreadScheduledExecutor();
            long started = System.nanoTime();
            app.scheduleAtFixedRate(() -> {
                double lat = 52.50 + sentLats.size() * 0.00001;
                sentLats.add(lat);
                try {
                    acks.add(driver.sendLocation(fix(trip.orderId(), lat, 13.40)).path("ok").asBoolean());
                } catch (Exception e) {
                    acks.add(false);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(WAIT).until(() -> System.nanoTime() - started >= Duration.ofMillis(4500).toNanos());
            app.shutdown();
            assertThat(app.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            long allowed = Duration.ofNanos(System.nanoTime() - started).toMillis() / PUBLISH_INTERVAL.toMillis() + 1;
            assertThat(acks).hasSizeGreaterThan(20).containsOnly(true);

            await().atMost(WAIT).until(() -> probe.valuesFor(trip.driverId().toString()).size() >= 2);
            // late arrivals have their chance; the count never goes above one per interval
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> probe.valuesFor(trip.driverId().toString()).size() <= allowed);
            List<EventEnvelope<DriverLocationUpdated>> events = probe.valuesFor(trip.driverId().toString()).stream()
                    .map(json -> EventCodec.decode(json, DriverLocationUpdated.class)).toList();

            assertThat(events).hasSizeBetween(2, (int) allowed);
            for (int i = 1; i < events.size(); i++) {
                Duration gap = Duration.between(events.get(i - 1).occurredAt(), events.get(i).occurredAt());
                assertThat(gap).as("gap between events %d and %d", i - 1, i)
                        .isGreaterThanOrEqualTo(PUBLISH_INTERVAL.minusMillis(100));
            }
            EventEnvelope<DriverLocationUpdated> first = events.getFirst();
            assertThat(first.producer()).isEqualTo("tracking");
            assertThat(first.aggregateId()).isEqualTo(trip.driverId().toString());
            assertThat(first.payload().driverId()).isEqualTo(trip.driverId());
            assertThat(first.payload().orderId()).isEqualTo(trip.orderId());
            assertThat(first.payload().lat()).isEqualTo(sentLats.getFirst());
            assertThat(first.payload().lng()).isEqualTo(13.40);
            assertThat(first.payload().heading()).isEqualTo(90.0);
            assertThat(first.payload().speed()).isEqualTo(4.2);
            assertThat(first.payload().recordedAt()).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void anIdleDriverIsPublishedWithoutAnOrder() throws Exception {
        UUID idle = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.DRIVER_LOCATION_UPDATED)) {
            var response = api.post("/api/v1/tracking/drivers/" + idle + "/location", fix(null, 52.53, 13.41),
                    driverToken(idle));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("published").asBoolean()).isTrue();

            await().atMost(WAIT).until(() -> !probe.valuesFor(idle.toString()).isEmpty());
            DriverLocationUpdated payload = EventCodec.decode(probe.valuesFor(idle.toString()).getFirst(),
                    DriverLocationUpdated.class).payload();
            assertThat(payload.orderId()).isNull();
            assertThat(payload.lat()).isEqualTo(52.53);
        }
    }
}
