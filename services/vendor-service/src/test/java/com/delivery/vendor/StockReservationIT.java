package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.InventoryLowStock;
import com.delivery.events.InventoryOutOfStock;
import com.delivery.events.InventoryRejected;
import com.delivery.events.InventoryReserved;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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

    /** The three counts of an item, read in one go. */
    private record Counts(int available, int reserved, int sold) {

        int total() {
            return available + reserved + sold;
        }
    }

    private Counts counts(Dessert dessert) {
        var json = ok(api.get(dessert.inventoryPath(), dessert.vendor().ownerToken())).json();
        return new Counts(json.path("available").asInt(), json.path("reserved").asInt(), json.path("sold").asInt());
    }

    /** Straight from the table, bypassing HTTP, for sampling while orders are in flight. */
    private Counts countsInDatabase(Dessert dessert) {
        return jdbc.queryForObject("SELECT available, reserved, sold FROM inventory WHERE menu_item_id = ?",
                (rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)), dessert.itemId());
    }

    private static EventProbe inventoryProbe() {
        return EventProbe.open(Topics.INVENTORY_RESERVED, Topics.INVENTORY_REJECTED);
    }

    /**
     * The inventory events written for an order (the outbox row is written in the same transaction as the event's
     * {@code processed_events} record, so once that event is handled this is complete, whatever Kafka has delivered).
     */
    private List<String> inventoryEventsOutboxed(UUID orderId) {
        return jdbc.queryForList("SELECT topic FROM outbox WHERE aggregate_id = ? AND topic IN (?, ?) ORDER BY id",
                String.class, orderId.toString(), Topics.INVENTORY_RESERVED, Topics.INVENTORY_REJECTED);
    }

    /** Waits until the one inventory event of an order reached Kafka and returns it, checking it is the only one. */
    private String theInventoryEventOf(EventProbe probe, UUID orderId) {
        assertThat(inventoryEventsOutboxed(orderId)).as("inventory events written for order %s", orderId).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.valuesFor(orderId.toString())).isNotEmpty());
        List<String> seen = probe.valuesFor(orderId.toString());
        assertThat(seen).as("inventory events on Kafka for order %s", orderId).hasSize(1);
        return seen.getFirst();
    }

    private static InventoryReserved reservedPayload(String json) {
        return EventCodec.decode(json, InventoryReserved.class).payload();
    }

    private static InventoryRejected rejectedPayload(String json) {
        return EventCodec.decode(json, InventoryRejected.class).payload();
    }

    @Test
    void twentyParallelOrdersForThreeInStockReserveExactlyThreeAndRejectTheRest() throws Exception {
        Dessert tiramisu = tiramisuAt(3, 0);
        List<UUID> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orderIds.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OrderStockState>> outcomes = new ArrayList<>();
        List<Counts> samples = new ArrayList<>();
        try (EventProbe probe = inventoryProbe()) {
            for (UUID orderId : orderIds) {
                Callable<OrderStockState> order = () -> {
                    start.await();
                    return reservations.onOrderCreated(Orders.created(orderId, customerId,
                            tiramisu.vendor().id(), Orders.line(tiramisu.itemId(), "Tiramisu", 1, 550)));
                };
                outcomes.add(pool.submit(order));
            }
            start.countDown();
            // sample the row while the orders race: every committed state must add up and never go below zero
            while (!outcomes.stream().allMatch(Future::isDone)) {
                samples.add(countsInDatabase(tiramisu));
            }
            List<OrderStockState> states = new ArrayList<>();
            for (Future<OrderStockState> outcome : outcomes) {
                states.add(outcome.get());
            }

            assertThat(states).filteredOn(s -> s == OrderStockState.RESERVED).hasSize(3);
            assertThat(states).filteredOn(s -> s == OrderStockState.REJECTED).hasSize(17);
            assertThat(counts(tiramisu)).isEqualTo(new Counts(0, 3, 0));
            samples.add(countsInDatabase(tiramisu));
            assertThat(samples).allSatisfy(sample -> {
                assertThat(sample.available()).isNotNegative();
                assertThat(sample.reserved()).isNotNegative();
                assertThat(sample.sold()).isNotNegative();
                assertThat(sample.total()).isEqualTo(3);
            });

            for (UUID orderId : orderIds) {
                assertThat(inventoryEventsOutboxed(orderId)).as("one inventory event per order").hasSize(1);
            }
            Set<String> keys = orderIds.stream().map(UUID::toString).collect(Collectors.toSet());
            await().atMost(WAIT).untilAsserted(() -> assertThat(probe.records())
                    .filteredOn(r -> keys.contains(r.key())).hasSize(20));
            var ours = probe.records().stream().filter(r -> keys.contains(r.key())).toList();
            assertThat(ours).hasSize(20);
            assertThat(ours.stream().map(r -> r.key()).distinct()).as("each order answered once").hasSize(20);
            Map<String, List<String>> byTopic = ours.stream().collect(Collectors.groupingBy(r -> r.topic(),
                    Collectors.mapping(r -> r.value(), Collectors.toList())));
            assertThat(byTopic.getOrDefault(Topics.INVENTORY_RESERVED, List.of())).hasSize(3)
                    .allSatisfy(json -> {
                        InventoryReserved reserved = reservedPayload(json);
                        assertThat(reserved.vendorId()).isEqualTo(tiramisu.vendor().id());
                        assertThat(reserved.customerId()).isEqualTo(customerId);
                        assertThat(reserved.items())
                                .containsExactly(new InventoryReserved.HeldItem(tiramisu.itemId(), 1));
                    });
            assertThat(byTopic.getOrDefault(Topics.INVENTORY_REJECTED, List.of())).hasSize(17)
                    .allSatisfy(json -> {
                        InventoryRejected rejected = rejectedPayload(json);
                        assertThat(rejected.reason()).isEqualTo(InventoryRejected.OUT_OF_STOCK);
                        assertThat(rejected.customerId()).isEqualTo(customerId);
                        assertThat(rejected.shortages())
                                .containsExactly(new InventoryRejected.Shortage(tiramisu.itemId(), 1, 0));
                    });
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
    void aRejectionNamesEveryShortLineAndHoldsNothing() {
        Dessert tiramisu = tiramisuAt(10, 0);
        TestVendor luigi = tiramisu.vendor();
        Dessert panna = new Dessert(luigi, UUID.fromString(ok(api.post(luigi.path() + "/menu",
                Menus.tiramisu(1, 0), luigi.ownerToken())).text("id")));
        Dessert cannoli = new Dessert(luigi, UUID.fromString(ok(api.post(luigi.path() + "/menu",
                Menus.tiramisu(0, 0), luigi.ownerToken())).text("id")));
        UUID pizza = UUID.fromString(ok(api.post(luigi.path() + "/menu", Menus.margherita(), luigi.ownerToken()))
                .text("id"));
        UUID orderId = UUID.randomUUID();

        try (EventProbe probe = inventoryProbe()) {
            EventEnvelope<?> created = publish(Orders.created(orderId, customerId, luigi.id(),
                    Orders.line(tiramisu.itemId(), "Tiramisu", 4, 550),
                    Orders.line(panna.itemId(), "Panna cotta", 2, 500),
                    Orders.line(cannoli.itemId(), "Cannoli", 1, 400), Orders.line(pizza, "Pizza Margherita", 3, 950)));
            awaitHandled(created);

            String json = theInventoryEventOf(probe, orderId);
            EventEnvelope<InventoryRejected> event = EventCodec.decode(json, InventoryRejected.class);
            assertThat(event.type()).isEqualTo(Topics.INVENTORY_REJECTED);
            assertThat(event.correlationId()).as("carries the order's flow on").isEqualTo(created.correlationId());
            InventoryRejected rejected = event.payload();
            assertThat(rejected.orderId()).isEqualTo(orderId);
            assertThat(rejected.customerId()).isEqualTo(customerId);
            assertThat(rejected.vendorId()).isEqualTo(luigi.id());
            assertThat(rejected.reason()).isEqualTo(InventoryRejected.OUT_OF_STOCK);
            assertThat(rejected.shortages()).as("every short line, the untracked pizza never")
                    .containsExactlyInAnyOrder(new InventoryRejected.Shortage(panna.itemId(), 2, 1),
                            new InventoryRejected.Shortage(cannoli.itemId(), 1, 0));
        }
        assertThat(counts(tiramisu)).isEqualTo(new Counts(10, 0, 0));
        assertThat(counts(panna)).isEqualTo(new Counts(1, 0, 0));
        assertThat(counts(cannoli)).isEqualTo(new Counts(0, 0, 0));
        assertThat(jdbc.queryForObject("SELECT state FROM order_stock WHERE order_id = ?", String.class, orderId))
                .isEqualTo("REJECTED");
    }

    @Test
    void anOrderIsReservedOnCreationAndCommittedOnConfirmation() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID pizza = UUID.fromString(ok(api.post(tiramisu.vendor().path() + "/menu", Menus.margherita(),
                tiramisu.vendor().ownerToken())).text("id"));
        UUID orderId = UUID.randomUUID();

        try (EventProbe probe = inventoryProbe()) {
            EventEnvelope<?> created = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(),
                    Orders.line(tiramisu.itemId(), "Tiramisu", 3, 550),
                    Orders.line(pizza, "Pizza Margherita", 1, 950)));
            awaitHandled(created);

            assertThat(counts(tiramisu)).isEqualTo(new Counts(7, 3, 0));
            EventEnvelope<InventoryReserved> event = EventCodec.decode(theInventoryEventOf(probe, orderId),
                    InventoryReserved.class);
            assertThat(event.type()).isEqualTo(Topics.INVENTORY_RESERVED);
            assertThat(event.producer()).isEqualTo("vendor");
            assertThat(event.correlationId()).as("carries the order's flow on").isEqualTo(created.correlationId());
            assertThat(event.payload()).isEqualTo(new InventoryReserved(orderId, customerId, tiramisu.vendor().id(),
                    List.of(new InventoryReserved.HeldItem(tiramisu.itemId(), 3))));
        }

        awaitHandled(publish(Orders.confirmed(orderId, customerId, tiramisu.vendor().id())));

        assertThat(counts(tiramisu)).as("sold, not returned").isEqualTo(new Counts(7, 0, 3));
    }

    @Test
    void anOrderOfUntrackedItemsOnlyIsReservedWithNothingHeld() {
        TestVendor luigi = vendors.approvedPizzeria();
        UUID pizza = UUID.fromString(ok(api.post(luigi.path() + "/menu", Menus.margherita(), luigi.ownerToken()))
                .text("id"));
        UUID orderId = UUID.randomUUID();

        try (EventProbe probe = inventoryProbe()) {
            awaitHandled(publish(Orders.created(orderId, customerId, luigi.id(),
                    Orders.line(pizza, "Pizza Margherita", 2, 950))));

            assertThat(reservedPayload(theInventoryEventOf(probe, orderId)).items()).isEmpty();
        }
    }

    @Test
    void aCancelAfterConfirmationPutsTheSoldUnitsBack() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();
        Orders.Line three = Orders.line(tiramisu.itemId(), "Tiramisu", 3, 550);

        awaitHandled(publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), three)));
        assertThat(counts(tiramisu)).isEqualTo(new Counts(7, 3, 0));

        awaitHandled(publish(Orders.confirmed(orderId, customerId, tiramisu.vendor().id())));
        assertThat(counts(tiramisu)).isEqualTo(new Counts(7, 0, 3));

        awaitHandled(publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), three)));
        Counts after = counts(tiramisu);
        assertThat(after).as("sold units back on the shelf").isEqualTo(new Counts(10, 0, 0));
        assertThat(after.total()).as("available + reserved + sold adds up").isEqualTo(10);
    }

    @Test
    void settingTheCountKeepsReservedAndSold() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID sold = UUID.randomUUID();
        awaitHandled(publish(Orders.created(sold, customerId, tiramisu.vendor().id(),
                Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550))));
        awaitHandled(publish(Orders.confirmed(sold, customerId, tiramisu.vendor().id())));
        awaitHandled(publish(Orders.created(UUID.randomUUID(), customerId, tiramisu.vendor().id(),
                Orders.line(tiramisu.itemId(), "Tiramisu", 1, 550))));
        assertThat(counts(tiramisu)).isEqualTo(new Counts(7, 1, 2));

        Response set = ok(api.post(tiramisu.inventoryPath(), Map.of("operation", "SET", "quantity", 20),
                tiramisu.vendor().ownerToken()));

        assertThat(set.json().path("sold").asInt()).isEqualTo(2);
        assertThat(counts(tiramisu)).isEqualTo(new Counts(20, 1, 2));
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
    void aRedeliveredOrderCreatedIsAnsweredOnce() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();

        try (EventProbe probe = inventoryProbe()) {
            Orders.Line two = Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550);
            EventEnvelope<?> created = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
            publish(created);
            publish(created);
            // the copies (same event id, so processed_events cannot show them) sit on the order's partition ahead
            // of this marker: once the marker is handled, so were they
            EventEnvelope<?> marker = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
            awaitHandled(created);
            awaitHandled(marker);

            assertThat(reservedPayload(theInventoryEventOf(probe, orderId)).items())
                    .containsExactly(new InventoryReserved.HeldItem(tiramisu.itemId(), 2));
        }
        assertThat(counts(tiramisu)).isEqualTo(new Counts(8, 2, 0));
    }

    @Test
    void duplicateEventsChangeStockOnlyOnce() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();
        Orders.Line two = Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550);
        try (EventProbe probe = inventoryProbe()) {
            EventEnvelope<?> created = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
            publish(created);
            EventEnvelope<?> resent = publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), two));
            awaitHandled(created);
            awaitHandled(resent);

            assertThat(available(tiramisu)).isEqualTo(8);
            assertThat(reservedPayload(theInventoryEventOf(probe, orderId)).items())
                    .as("a second order.created (new event id) of the same order is not answered again")
                    .containsExactly(new InventoryReserved.HeldItem(tiramisu.itemId(), 2));
        }

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

        try (EventProbe probe = inventoryProbe()) {
            awaitHandled(publish(Orders.cancelled(orderId, customerId, tiramisu.vendor().id(), four)));
            awaitHandled(publish(Orders.created(orderId, customerId, tiramisu.vendor().id(), four)));

            assertThat(counts(tiramisu)).isEqualTo(new Counts(10, 0, 0));
            assertThat(jdbc.queryForObject("SELECT state FROM order_stock WHERE order_id = ?", String.class, orderId))
                    .isEqualTo("CANCELLED");
            assertThat(inventoryEventsOutboxed(orderId)).as("the cancelled order is not answered").isEmpty();

            // the outbox is the proof; on Kafka too nothing shows for it while a later order's answer does
            UUID later = UUID.randomUUID();
            awaitHandled(publish(Orders.created(later, customerId, tiramisu.vendor().id(),
                    Orders.line(tiramisu.itemId(), "Tiramisu", 1, 550))));
            theInventoryEventOf(probe, later);
            assertThat(probe.valuesFor(orderId.toString())).isEmpty();
        }
    }

    @Test
    void aConfirmationArrivingBeforeItsOrderCommitsWhenTheOrderComes() {
        Dessert tiramisu = tiramisuAt(10, 0);
        UUID orderId = UUID.randomUUID();

        try (EventProbe probe = inventoryProbe()) {
            awaitHandled(publish(Orders.confirmed(orderId, customerId, tiramisu.vendor().id())));
            awaitHandled(publish(Orders.created(orderId, customerId, tiramisu.vendor().id(),
                    Orders.line(tiramisu.itemId(), "Tiramisu", 2, 550))));

            assertThat(counts(tiramisu)).isEqualTo(new Counts(8, 0, 2));
            assertThat(reservedPayload(theInventoryEventOf(probe, orderId)).items())
                    .containsExactly(new InventoryReserved.HeldItem(tiramisu.itemId(), 2));
        }
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
