package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Events;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.driver.support.TestOrder;
import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverOffer;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.GeoPoint;
import com.delivery.events.OrderReadyForPickup;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** From {@code order.confirmed} to {@code driver.assigned} or {@code driver.unavailable}. */
class MatchingIT extends DriverServiceTestBase {

    @Test
    void aConfirmedOrderGoesToTheNearestDriverThenTheNextOnDeclineUntilOneAccepts() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver nearest = aDriver().onlineAt(Places.offset(vendor, 400, 0)).create();
        TestDriver next = aDriver().named("Tom Becker").riding("MOTORBIKE").onlineAt(Places.offset(vendor, 0, 1200))
                .create();
        aDriver().onlineAt(Places.offset(vendor, 2500, 0)).create();

        try (EventProbe probe = EventProbe.open(Topics.DRIVER_OFFER, Topics.DRIVER_ASSIGNED)) {
            TestOrder order = anOrder().pickupAt(vendor).confirmed();

            Response firstOffer = awaitOffer(nearest, order);
            assertThat(firstOffer.text("vendorName")).isEqualTo(order.vendorName());
            assertThat(firstOffer.json().path("distanceMeters").asInt()).isBetween(390, 410);
            assertThat(currentOffer(next).status()).as("one driver at a time").isEqualTo(204);
            assertThat(decline(nearest, order).status()).isEqualTo(200);

            awaitOffer(next, order);
            Response accepted = accept(next, order);

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.text("status")).isEqualTo("ACTIVE");
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(seen(probe, Topics.DRIVER_ASSIGNED, order.orderId())).hasSize(1));
            EventEnvelope<DriverAssigned> assigned = EventCodec.decode(
                    seen(probe, Topics.DRIVER_ASSIGNED, order.orderId()).getFirst(), DriverAssigned.class);
            assertThat(assigned.payload()).isEqualTo(new DriverAssigned(order.orderId(), next.id(), "Tom Becker",
                    "MOTORBIKE", order.customerId(), order.vendorId()));
            assertThat(assigned.correlationId()).as("the order's flow").isEqualTo(order.correlationId());

            List<DriverOffer> offers = seen(probe, Topics.DRIVER_OFFER, order.orderId()).stream()
                    .map(json -> EventCodec.decode(json, DriverOffer.class).payload()).toList();
            assertThat(offers).extracting(DriverOffer::driverId).containsExactly(nearest.id(), next.id());
            assertThat(offers.getFirst().pickup()).isEqualTo(new GeoPoint(vendor.lat(), vendor.lng()));
            assertThat(offers.getFirst().dropoff()).isEqualTo(new GeoPoint(order.dropoff().lat(), order.dropoff().lng()));
        }
        assertThat(driver(next).json().path("busy").asBoolean()).isTrue();
    }

    @Test
    void anOfferThatRunsOutGoesToTheNextDriver() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver slow = aDriver().onlineAt(Places.offset(vendor, 300, 0)).create();
        TestDriver next = aDriver().onlineAt(Places.offset(vendor, 900, 0)).create();
        TestOrder order = anOrder().pickupAt(vendor).confirmed();
        Response offer = awaitOffer(slow, order);
        assertThat(Instant.parse(offer.text("expiresAt"))).isEqualTo(Instant.parse(offer.text("offeredAt"))
                .plus(OFFER_TIMEOUT));

        clock.advance(OFFER_TIMEOUT.plusSeconds(1));

        awaitOffer(next, order);
        Response late = accept(slow, order);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).isEqualTo("/problems/offer-expired");
        assertThat(currentOffer(slow).status()).isEqualTo(204);
        assertThat(accept(next, order).status()).isEqualTo(200);
    }

    @Test
    void theSearchRadiusGrowsStepByStepWhenNobodyIsNear() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver fourKmAway = aDriver().onlineAt(Places.offset(vendor, 4000, 0)).create();
        TestOrder order = anOrder().pickupAt(vendor).confirmed();

        await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(order)).isEqualTo(1));
        assertThat(currentOffer(fourKmAway).status()).as("not within the first 3 km").isEqualTo(204);

        clock.advance(RETRY_INTERVAL);

        Response offer = awaitOffer(fourKmAway, order);
        assertThat(offer.json().path("distanceMeters").asInt()).isBetween(3990, 4010);
    }

    @Test
    void withNobodyWithinTheLargestRadiusTheOrderIsReportedUnavailableInTime() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver nineKmAway = aDriver().onlineAt(Places.offset(vendor, 9000, 0)).create();
        try (EventProbe probe = EventProbe.open(Topics.DRIVER_UNAVAILABLE)) {
            TestOrder order = anOrder().pickupAt(vendor).confirmed();
            await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(order)).isEqualTo(1));
            clock.advance(RETRY_INTERVAL);
            await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(order)).isEqualTo(2));
            assertThat(seen(probe, Topics.DRIVER_UNAVAILABLE, order.orderId())).as("not before give-up-after").isEmpty();

            clock.advance(GIVE_UP_AFTER);

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(seen(probe, Topics.DRIVER_UNAVAILABLE, order.orderId())).hasSize(1));
            EventEnvelope<DriverUnavailable> unavailable = EventCodec.decode(
                    seen(probe, Topics.DRIVER_UNAVAILABLE, order.orderId()).getFirst(), DriverUnavailable.class);
            assertThat(unavailable.payload()).isEqualTo(new DriverUnavailable(order.orderId(), "NO_DRIVER_AVAILABLE",
                    order.customerId(), order.vendorId(), null));
            assertThat(unavailable.correlationId()).isEqualTo(order.correlationId());
        }
        assertThat(currentOffer(nineKmAway).status()).isEqualTo(204);
    }

    @Test
    void whenEveryoneDeclinesTheOrderIsReportedUnavailableSayingSo() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver only = aDriver().onlineAt(Places.offset(vendor, 200, 0)).create();
        try (EventProbe probe = EventProbe.open(Topics.DRIVER_UNAVAILABLE)) {
            TestOrder order = anOrder().pickupAt(vendor).confirmed();
            awaitOffer(only, order);
            decline(only, order);
            await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(order)).isEqualTo(1));
            assertThat(currentOffer(only).status()).as("not asked twice").isEqualTo(204);

            clock.advance(GIVE_UP_AFTER);

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(seen(probe, Topics.DRIVER_UNAVAILABLE, order.orderId())).hasSize(1));
            assertThat(EventCodec.decode(seen(probe, Topics.DRIVER_UNAVAILABLE, order.orderId()).getFirst(),
                    DriverUnavailable.class).payload().reason()).isEqualTo("ALL_OFFERS_DECLINED");
        }
    }

    @Test
    void anOrderReadyForPickupGetsANewSearchAfterMatchingGaveUp() {
        GeoPosition vendor = Places.somewhereRemote();
        TestOrder order = anOrder().pickupAt(vendor).confirmed();
        await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(order)).isEqualTo(1));
        clock.advance(GIVE_UP_AFTER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(matchingStatus(order)).isEqualTo("UNAVAILABLE"));
        TestDriver latecomer = aDriver().onlineAt(Places.offset(vendor, 100, 100)).create();

        publish(Topics.ORDER_READY_FOR_PICKUP, Events.envelope(UUID.randomUUID(), Instant.now(), "order",
                order.correlationId(), new OrderReadyForPickup(order.orderId(), order.customerId(), order.vendorId(),
                        null, order.vendorName(), new GeoPoint(vendor.lat(), vendor.lng()))));

        awaitOffer(latecomer, order);
    }

    @Test
    void anAssignedDriverIsBusyUntilTheOrderIsDelivered() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder first = assignedOrder(driver, vendor);

        TestOrder second = anOrder().pickupAt(vendor).confirmed();
        await().atMost(WAIT).untilAsserted(() -> assertThat(radiusStep(second)).isEqualTo(1));
        assertThat(currentOffer(driver).status()).as("busy drivers get no offers").isEqualTo(204);
        assertThat(nearbyIds(vendor, 1)).doesNotContain(driver.id().toString());

        publish(Topics.ORDER_DELIVERED, aDelivery().of(first).by(driver).event());

        await().atMost(WAIT).untilAsserted(() -> assertThat(driver(driver).json().path("busy").asBoolean()).isFalse());
        clock.advance(RETRY_INTERVAL);
        awaitOffer(driver, second);
    }

    @Test
    void cancellingAnOrderWithdrawsItsOfferAndFreesItsDriver() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver offered = aDriver().onlineAt(vendor).create();
        TestOrder pending = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(offered, pending);

        publish(Topics.ORDER_CANCELLED, cancellation(pending, null));

        await().atMost(WAIT).untilAsserted(() -> assertThat(currentOffer(offered).status()).isEqualTo(204));
        Response late = accept(offered, pending);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).isEqualTo("/problems/offer-withdrawn");

        TestOrder assigned = assignedOrder(offered, vendor);
        publish(Topics.ORDER_CANCELLED, cancellation(assigned, offered.id()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(driver(offered).json().path("busy").asBoolean()).isFalse());
        assertThat(api.get(offered.path() + "/stats", offered.token()).json().path("cancellations").asLong())
                .isEqualTo(1);
    }

    @Test
    void aCancellationThatArrivesBeforeTheConfirmationKeepsMatchingFromStarting() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder order = anOrder().pickupAt(vendor).build();
        publish(Topics.ORDER_CANCELLED, cancellation(order, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(matchingStatus(order)).isEqualTo("CANCELLED"));

        EventEnvelope<?> confirmed = confirmation(order);
        publish(Topics.ORDER_CONFIRMED, confirmed);

        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM processed_events WHERE event_id = ?", Long.class, confirmed.eventId()))
                .isEqualTo(1));
        assertThat(matchingStatus(order)).isEqualTo("CANCELLED");
        assertThat(currentOffer(driver).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM offers WHERE order_id = ?", Long.class, order.orderId()))
                .isZero();
    }

    @Test
    void onlyTheOfferedDriverMayAnswerAnOffer() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver offered = aDriver().onlineAt(vendor).create();
        TestDriver other = aDriver().approved().create();
        TestOrder order = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(offered, order);

        assertThat(accept(other, order).status()).as("someone else's offer").isEqualTo(403);
        assertThat(decline(other, order).status()).isEqualTo(403);
        assertThat(api.post(offered.path() + "/offers/" + order.orderId() + "/accept", null, other.token()).status())
                .as("in someone else's name").isEqualTo(403);
        assertThat(api.post(offered.path() + "/offers/" + order.orderId() + "/accept", null, adminToken()).status())
                .isEqualTo(403);
        assertThat(api.post(offered.path() + "/offers/" + order.orderId() + "/accept", null, null).status())
                .isEqualTo(401);
        assertThat(api.post(offered.path() + "/offers/" + UUID.randomUUID() + "/accept", null, offered.token())
                .status()).as("no such offer").isEqualTo(404);
        assertThat(api.get(offered.path() + "/offers/current", other.token()).status()).isEqualTo(403);
    }

    @Test
    void acceptingTwiceAnswersTheSameAndDecliningAfterwardsIsAConflict() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder order = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(driver, order);

        Response first = accept(driver, order);
        Response second = accept(driver, order);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("assignedAt")).isEqualTo(first.text("assignedAt"));
        Response decline = decline(driver, order);
        assertThat(decline.status()).isEqualTo(409);
        assertThat(decline.text("type")).isEqualTo("/problems/offer-accepted");
    }

    private Integer radiusStep(TestOrder order) {
        List<Integer> steps = jdbc.queryForList("SELECT radius_step FROM matching_jobs WHERE order_id = ?",
                Integer.class, order.orderId());
        return steps.isEmpty() ? null : steps.getFirst();
    }

    private String matchingStatus(TestOrder order) {
        List<String> status = jdbc.queryForList("SELECT status FROM matching_jobs WHERE order_id = ?", String.class,
                order.orderId());
        return status.isEmpty() ? null : status.getFirst();
    }
}
