package com.delivery.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.TestSocket;
import com.delivery.tracking.domain.Position;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** When Google cannot answer, the room still gets an ETA: the local estimate. */
class EtaFallbackIT extends TrackingServiceTestBase {

    @Test
    void aGoogleServerErrorFallsBackToTheEstimate() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("BICYCLE"));
        GOOGLE.stubFor(distanceMatrixFor(trip).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UNKNOWN_ERROR\"}")));

        JsonNode eta = firstEtaFor(trip, 52.49, 13.37);

        assertEstimate(eta, trip, "BICYCLE", 15.0);
    }

    @Test
    void aGoogleTimeoutFallsBackToTheEstimate() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("CAR"));
        // later than the client waits (read timeout 1 s in tests)
        GOOGLE.stubFor(distanceMatrixFor(trip).willReturn(aResponse().withStatus(200).withFixedDelay(8000)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"OK\",\"rows\":[]}")));

        long started = System.nanoTime();
        JsonNode eta = firstEtaFor(trip, 52.49, 13.37);

        assertEstimate(eta, trip, "CAR", 28.0);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited for the timeout only").isLessThan(7000);
    }

    @Test
    void anAnswerWithoutARouteFallsBackToTheEstimate() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("SCOOTER"));
        GOOGLE.stubFor(distanceMatrixFor(trip).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {
                           "destination_addresses" : [ "" ],
                           "origin_addresses" : [ "" ],
                           "rows" : [ { "elements" : [ { "status" : "ZERO_RESULTS" } ] } ],
                           "status" : "OK"
                        }
                        """)));

        assertEstimate(firstEtaFor(trip, 52.49, 13.37), trip, "SCOOTER", 22.0);
    }

    private JsonNode firstEtaFor(TestTrip trip, double lat, double lng) throws Exception {
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(driver.sendLocation(fix(trip.orderId(), lat, lng)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> !customer.heard("eta:update").isEmpty());
            return customer.heard("eta:update").getFirst();
        }
    }

    /** Great-circle distance × 1.3 at the vehicle's average speed, as configured. */
    private void assertEstimate(JsonNode eta, TestTrip trip, String vehicle, double speedKmh) {
        double meters = new Position(52.49, 13.37).distanceMeters(new Position(trip.destLat(), trip.destLng())) * 1.3;
        assertThat(eta.path("source").asString()).isEqualTo("estimate");
        assertThat(eta.path("orderId").asString()).isEqualTo(trip.orderId().toString());
        assertThat(eta.path("distanceMeters").asLong()).isEqualTo(Math.round(meters));
        assertThat(eta.path("etaSeconds").asLong()).isEqualTo(Math.round(meters / (speedKmh / 3.6)));
        JsonNode view = api.get("/api/v1/tracking/orders/" + trip.orderId(), customerToken(trip.customerId())).json();
        assertThat(view.path("eta").path("source").asString()).as(vehicle).isEqualTo("estimate");
    }
}
