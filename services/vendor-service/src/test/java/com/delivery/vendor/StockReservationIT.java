package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.InventoryLowStock;
import com.delivery.events.InventoryOutOfStock;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import com.delivery.vendor.Vendors.TestVendor;
import com.delivery.vendor.app.StockReservations;
import com.delivery.vendor.domain.OrderStockState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

class StockReservationIT extends VendorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    StockReservations reservations;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID customerId = UUID.randomUUID();

    private record Dessert(TestVendor vendor, UUID itemId) {

        String inventoryPath() {
            return vendor.path() + "/menu/" + itemId + "/inventory";
        }
    }

    private Dessert tiramisuAt(int stock, int threshold) {
        TestVendor luigi = vendors.approvedPizzeria();
        Response item = ok(api.post(luigi.path() + "/menu", Menus.tiramisu(stock, threshold), luigi.ownerToken()));
        return new Dessert(luigi, UUID.fromString(item.text("id")));
    }

    private int available(Dessert dessert) {
        return api.get(dessert.inventoryPath(), dessert.vendor().ownerToken()).json().path("available").asInt();
    }

    private int reserved(Dessert dessert) {
        return api.get(dessert.inventoryPath(), dessert.vendor().ownerToken()).json().path("reserved").asInt();
    }

    private EventEnvelope<?> publish(EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.of(payload, "order", null);
        publish(event);
        return event;
    }

    private void publish(EventEnvelope<?> event) {
        kafka.send(event.type(), event.aggregateId(), EventCodec.encode(event)).join();
    }

    private void awaitHandled(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = ?)", Boolean.class, event.eventId())));
    }

    @Test
    void twentyParallelOrdersForFiveInStockReserveExactlyFive() throws Exception {
        Dessert tiramisu = tiramisuAt(5, 0);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OrderStockState>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<OrderStockState> order = () -> {
                    start.await();
                    return reservations.onOrderCreated(Orders.created(UUID.randomUUID(), customerId,
                            tiramisu.vendor().id(), Orders.line(tiramisu.itemId(), "Tiramisu", 1, 550)));
                };
                outcomes.add(pool.submit(order));
            }
            start.countDown();
            List<OrderStockState> states = new ArrayList<>();
            for (Future<OrderStockState> outcome : outcomes) {
                states.add(outcome.get());
            }

            assertThat(states).filteredOn(s -> s == OrderStockState.RESERVED).hasSize(5);
            assertThat(states).filteredOn(s -> s == OrderStockState.REJECTED).hasSize(15);
            assertThat(available(tiramisu)).isZero();
            assertThat(reserved(tiramisu)).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOrderReservesAllItsLinesOrNone() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID panna = UUID.fromString(ok(api.post(tiramisu.vendor().path() + "/menu", Menus.tiramisu(1, 0),
                tiramisu.vendor().ownerToken())).text("id"));

        OrderStockState state = reservations.onOrderCreated(Orders.created(UUID.randomUUID(), customerId,
                tiramisu.vendor().id(), Orders.line(tiramisu.itemId(), "Tiramisu", 4, 550),
                Orders.line(panna, "Panna cotta", 2, 500)));

        assertThat(state).isEqualTo(OrderStockState.REJECTED);
        assertThat(available(tiramisu)).isEqualTo(10);
        assertThat(reserved(tiramisu)).isZero();
    }

    @Test
    void anOrderIsReservedOnCreationAndCommittedOnConfirmation() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();

        publish(Orders.created(orderId, customerId, tiramisu.vendor().id(),
                Orders.line(tiramisu.itemId(), "Tiramisu", 3, 550)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(reserved(tiramisu)).isEqualTo(3));
        assertThat(available(tiramisu)).isEqualTo(7);

        publish(Orders.confirmed(orderId, customerId, tiramisu.vendor().id()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(reserved(tiramisu)).isZero());
        assertThat(available(tiramisu)).as("sold, not returned").isEqualTo(7);
    }

    @Test
    void aCancelledOrderPutsItsStockBack() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();
        Orders.Line three = Orders.line(tiramisu.itemId(), "Tiramisu", 3, 550);
        publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), three));
        await().atMost(WAIT).untilAsserted(() -> assertThat(available(tiramisu)).isEqualTo(7));

        publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), three));

        await().atMost(WAIT).untilAsserted(() -> assertThat(available(tiramisu)).isEqualTo(10));
        assertThat(reserved(tiramisu)).isZero();
    }

    @Test
    void duplicateEventsChangeStockOnlyOnce() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();
        Orders.Line two = Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550);
        EventEnvelope<?> created = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
        publish(created);
        EventEnvelope<?> resent = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
        awaitHandled(created);
        awaitHandled(resent);

        assertThat(available(tiramisu)).isEqualTo(8);

        EventEnvelope<?> cancel = publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), two));
        publish(cancel);
        EventEnvelope<?> cancelAgain = publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), two));
        awaitHandled(cancel);
        awaitHandled(cancelAgain);

        assertThat(available(tiramisu)).as("released once").isEqualTo(10);
        assertThat(reserved(tiramisu)).isZero();
    }

    @Test
    void aCancelArrivingBeforeItsOrderLeavesNothingReserved() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();
        Orders.Line four = Orders.line(tiramisu.itemId(), "Tiramisu", 4, 550);

        awaitHandled(publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), four)));
        awaitHandled(publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), four)));

        assertThat(available(tiramisu)).isEqualTo(10);
        assertThat(reserved(tiramisu)).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM order_stock WHERE order_id = ?", String.class, orderId))
                .isEqualTo("CANCELLED");
    }

    @Test
    void aConfirmationArrivingBeforeItsOrderCommitsWhenTheOrderComes() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();

        awaitHandled(publish(Orders.confirmed(orderId, customerId, tiramisu.vendor().id())));
        awaitHandled(publish(Orders.created(orderId, customerId, tiramisu.vendor().id(),
                Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550))));

        assertThat(available(tiramisu)).isEqualTo(8);
        assertThat(reserved(tiramisu)).isZero();
    }

    @Test
    void lowAndOutOfStockAlertsReachKafkaOncePerCrossing() {
        Dessert tiramisu = tiramisuAt(3, 2);
        String key = tiramisu.itemId().toString();
        try (EventProbe probe = EventProbe.open(Topics.INVENTORY_LOW_STOCK, Topics.INVENTORY_OUT_OF_STOCK)) {
            for (int i = 0; i < 3; i++) {
                awaitHandled(publish(Orders.created(UUID.randomUUID(), customerId, tiramisu.vendor().id(),
                        Orders.line(tiramisu.itemId(), "Tiramisu", 1, 550))));
            }

            // the two alerts live on two topics: each crossing once, in whichever order the topics deliver them
            await().atMost(WAIT).untilAsserted(() -> {
                List<String> lows = probe.valuesFor(Topics.INVENTORY_LOW_STOCK, key);
                List<String> outs = probe.valuesFor(Topics.INVENTORY_OUT_OF_STOCK, key);
                assertThat(lows).hasSize(1);
                assertThat(outs).hasSize(1);
                InventoryLowStock low = EventCodec.decode(lows.getFirst(), InventoryLowStock.class).payload();
                assertThat(low.quantityLeft()).isEqualTo(2);
                assertThat(low.threshold()).isEqualTo(2);
                assertThat(low.itemName()).isEqualTo("Tiramisu");
                assertThat(low.vendorId()).isEqualTo(tiramisu.vendor().id());
                InventoryOutOfStock out = EventCodec.decode(outs.getFirst(), InventoryOutOfStock.class).payload();
                assertThat(out.quantityLeft()).isZero();
            });
            Response menu = api.get(tiramisu.vendor().path() + "/menu", customer());
            assertThat(menu.json().path("sections").get(0).path("items").get(0).path("available").asBoolean())
                    .as("out of stock shows as unavailable").isFalse();

            ok(api.post(tiramisu.inventoryPath(), Map.of("operation", "RESTOCK", "quantity", 5),
                    tiramisu.vendor().ownerToken()));
            ok(api.post(tiramisu.inventoryPath(), Map.of("operation", "SET", "quantity", 1),
                    tiramisu.vendor().ownerToken()));

            await().atMost(WAIT).untilAsserted(() -> {
                List<String> lows = probe.valuesFor(Topics.INVENTORY_LOW_STOCK, key);
                assertThat(lows).as("restocked above the threshold, then down to 1: a new crossing").hasSize(2);
                assertThat(EventCodec.decode(lows.getLast(), InventoryLowStock.class).payload().quantityLeft())
                        .isEqualTo(1);
            });
            assertThat(probe.valuesFor(Topics.INVENTORY_OUT_OF_STOCK, key)).hasSize(1);
        }
    }
}
