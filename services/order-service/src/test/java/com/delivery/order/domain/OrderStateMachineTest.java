package com.delivery.order.domain;

import static com.delivery.order.domain.SampleOrders.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.events.OrderReadyForPickup;
import com.delivery.kit.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateMachineTest {

    final SampleOrders sample = new SampleOrders();

    static Stream<Arguments> everyMove() {
        List<Arguments> moves = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                moves.add(Arguments.of(from, to));
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void everyMoveIsMadeByExactlyThePartiesAllowedOrRefused(OrderStatus from, OrderStatus to) {
        Set<Party> allowed = OrderTransitions.whoMay(from, to).orElse(Set.of());
        for (Party party : Party.values()) {
            Order order = sample.pizzaOrderIn(from);
            int timelineBefore = order.timeline().size();
            Actor actor = sample.as(party);
            if (allowed.contains(party)) {
                StatusChange change = order.moveTo(to, actor, "because", NOW);
                assertThat(order.status()).as("%s by %s", to, party).isEqualTo(to);
                assertThat(change.from()).isEqualTo(from);
                assertThat(change.as()).isEqualTo(party);
                TimelineEntry last = order.timeline().getLast();
                assertThat(last.kind()).isEqualTo(TimelineKind.STATUS_CHANGED);
                assertThat(last.fromStatus()).isEqualTo(from);
                assertThat(last.toStatus()).isEqualTo(to);
                assertThat(last.actorRole()).isEqualTo(party);
                assertThat(last.actorId()).isEqualTo(actor.userId());
                assertThat(last.reason()).isEqualTo("because");
            } else {
                boolean someoneMay = !allowed.isEmpty();
                boolean thisPartyMayEver = OrderTransitions.mayEverMoveTo(to, order.partiesOf(actor));
                Class<? extends OrderRuleException> expected = !someoneMay && thisPartyMayEver
                        ? IllegalTransitionException.class : NotAllowedException.class;
                assertThatThrownBy(() -> order.moveTo(to, actor, null, NOW)).as("%s -> %s by %s", from, to, party)
                        .isInstanceOf(expected);
                assertThat(order.status()).isEqualTo(from);
                assertThat(order.timeline()).hasSize(timelineBefore);
            }
        }
    }

    @Test
    void theHappyPathIsExactlyTheArchitecturesChain() {
        List<OrderStatus> chain = List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PLACED, OrderStatus.CONFIRMED,
                OrderStatus.PREPARING, OrderStatus.READY_FOR_PICKUP, OrderStatus.PICKED_UP, OrderStatus.DELIVERED);
        for (int i = 0; i + 1 < chain.size(); i++) {
            assertThat(OrderTransitions.exists(chain.get(i), chain.get(i + 1))).isTrue();
        }
        assertThat(OrderTransitions.cancellable())
                .containsExactlyInAnyOrder(OrderStatus.PENDING_PAYMENT, OrderStatus.PLACED, OrderStatus.CONFIRMED);
        long moves = everyMove().filter(a -> OrderTransitions.exists((OrderStatus) a.get()[0], (OrderStatus) a.get()[1]))
                .count();
        assertThat(moves).isEqualTo(9);
    }

    @Test
    void aStrangerMayDoNothingToTheOrder() {
        for (OrderStatus target : OrderStatus.values()) {
            Order order = sample.pizzaOrderIn(OrderStatus.PLACED);
            assertThatThrownBy(() -> order.moveTo(target, sample.stranger, null, NOW))
                    .isInstanceOf(NotAllowedException.class);
        }
    }

    @Test
    void theRightRoleIsNeededAsWellAsTheRightId() {
        Order order = sample.pizzaOrderIn(OrderStatus.PLACED);
        Actor ownerWithoutVendorRole = Actor.user(sample.vendorOwnerId, Set.of(Role.CUSTOMER));

        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, ownerWithoutVendorRole, null, NOW))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void eachMovePublishesItsEvent() {
        Order order = sample.pizzaOrderIn(OrderStatus.PLACED);

        assertThat(order.moveTo(OrderStatus.CONFIRMED, sample.vendor, null, NOW).event())
                .isInstanceOfSatisfying(OrderConfirmed.class, confirmed -> {
                    assertThat(confirmed.estimatedReadyAt()).isEqualTo(NOW.plusSeconds(15 * 60));
                    assertThat(confirmed.vendorName()).isEqualTo("Luigi's Pizzeria");
                });
        order.assignDriver(sample.driverId, "Tom Becker", "BICYCLE", NOW);
        assertThat(order.moveTo(OrderStatus.PREPARING, sample.vendor, null, NOW).event()).isNull();
        assertThat(order.moveTo(OrderStatus.READY_FOR_PICKUP, sample.vendor, null, NOW).event())
                .isInstanceOfSatisfying(OrderReadyForPickup.class,
                        ready -> assertThat(ready.driverId()).isEqualTo(sample.driverId));
        assertThat(order.moveTo(OrderStatus.PICKED_UP, sample.driver, null, NOW).event())
                .isInstanceOfSatisfying(OrderPickedUp.class,
                        picked -> assertThat(picked.deliveryAddress().city()).isEqualTo("Berlin"));
        assertThat(order.moveTo(OrderStatus.DELIVERED, sample.driver, null, NOW).event())
                .isInstanceOfSatisfying(OrderDelivered.class, delivered -> {
                    assertThat(delivered.totalMinor()).isEqualTo(2949);
                    assertThat(delivered.platformFeeMinor()).isEqualTo(245);
                    assertThat(delivered.distanceMeters()).isBetween(150, 250);
                });
    }

    @Test
    void cancellingSaysWhoCancelledAndReleasesTheItems() {
        Order byCustomer = sample.pizzaOrderIn(OrderStatus.PLACED);
        OrderCancelled customerCancel = (OrderCancelled) byCustomer.cancel(sample.customer, "too slow", NOW).event();
        assertThat(customerCancel.reason()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(customerCancel.cancelledBy()).isEqualTo("CUSTOMER");
        assertThat(customerCancel.previousStatus()).isEqualTo("PLACED");
        assertThat(customerCancel.items()).extracting(OrderCancelled.ItemQuantity::quantity).containsExactly(2, 1);

        Order byVendor = sample.pizzaOrderIn(OrderStatus.CONFIRMED);
        OrderCancelled rejection = (OrderCancelled) byVendor.cancel(sample.vendor, "out of dough", NOW).event();
        assertThat(rejection.reason()).isEqualTo("VENDOR_REJECTED");
        assertThat(rejection.driverId()).isEqualTo(sample.driverId);

        Order byAdmin = sample.pizzaOrderIn(OrderStatus.PENDING_PAYMENT);
        assertThat(((OrderCancelled) byAdmin.cancel(sample.admin, "fraud", NOW).event()).reason()).isEqualTo("ADMIN");
    }

    @Test
    void anAdminActingAsAdminIsRecordedAsAdminEvenOnTheirOwnOrder() {
        Actor adminCustomer = Actor.user(sample.customerId, Set.of(Role.CUSTOMER, Role.ADMIN));
        Order order = sample.pizzaOrderIn(OrderStatus.PLACED);

        assertThat(order.cancel(adminCustomer, "test", NOW).as()).isEqualTo(Party.CUSTOMER);
        Order other = sample.pizzaOrderIn(OrderStatus.PLACED);
        assertThat(other.cancel(adminCustomer.asAdmin(), "test", NOW).as()).isEqualTo(Party.ADMIN);
    }

    @Test
    void pickingUpNeedsAnAssignedDriver() {
        Order order = sample.pizzaOrderIn(OrderStatus.READY_FOR_PICKUP);
        order.driverUnavailable(sample.driverId, "DRIVER_WITHDREW", NOW);

        assertThatThrownBy(() -> order.moveTo(OrderStatus.PICKED_UP, sample.admin, null, NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("No driver");
        assertThat(order.driverId()).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
    }

    // ---- reactions to payment and driver events --------------------------------------------------------------

    @Test
    void paymentCompletedPlacesAnOrderWhoseStockIsHeld() {
        Order order = sample.pizzaOrder();
        assertThat(order.stockHeld(NOW)).isNull();

        StatusChange change = order.paymentCompleted("pi_123", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.placedAt()).isEqualTo(NOW);
        assertThat(change.as()).isEqualTo(Party.SYSTEM);
        assertThat(change.event()).isNull();
    }

    @Test
    void aPaymentBeforeTheStockHoldWaitsForIt() {
        Order order = sample.pizzaOrder();

        assertThat(order.paymentCompleted("pi_123", NOW)).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.timeline().getLast().kind()).isEqualTo(TimelineKind.PAYMENT_RECEIVED);

        StatusChange change = order.stockHeld(NOW);

        assertThat(change.to()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.paymentReference()).isEqualTo("pi_123");
    }

    @Test
    void aRefusedHoldCancelsTheOrderNamingTheItem() {
        Order order = sample.pizzaOrder();
        UUID tiramisu = order.items().getLast().menuItemId();

        StatusChange change = order.stockRejected(
                List.of(new com.delivery.events.InventoryRejected.Shortage(tiramisu, 1, 0)), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        OrderCancelled cancelled = (OrderCancelled) change.event();
        assertThat(cancelled.reason()).isEqualTo(OrderCancelled.OUT_OF_STOCK);
        assertThat(cancelled.cancelledBy()).isEqualTo("SYSTEM");
        assertThat(cancelled.previousStatus()).isEqualTo("PENDING_PAYMENT");
        assertThat(cancelled.detail()).isEqualTo("Out of stock: " + order.items().getLast().name()
                + ": 1 ordered, 0 left");
        assertThat(order.cancelReason()).isEqualTo(OrderCancelled.OUT_OF_STOCK);
        assertThat(order.timeline().getLast().reason()).isEqualTo(cancelled.detail());
    }

    @Test
    void aRefusedHoldAfterTheOrderMovedOnIsOnlyNoted() {
        Order order = sample.pizzaOrderIn(OrderStatus.CONFIRMED);

        assertThat(order.stockRejected(List.of(new com.delivery.events.InventoryRejected.Shortage(
                order.items().getFirst().menuItemId(), 1, 0)), NOW)).isNull();

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.timeline().getLast().kind()).isEqualTo(TimelineKind.EVENT_NOT_APPLIED);
    }

    @Test
    void anUnpaidOrderExpiresAfterThePaymentWindowAndAnUnansweredOneAfterTheVendorTimeout() {
        OrderDeadlines deadlines = new OrderDeadlines(java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(10));
        Order unpaid = sample.pizzaOrder();
        assertThat(unpaid.expireIfOverdue(deadlines, NOW.plusSeconds(14 * 60))).isNull();
        OrderCancelled timedOut = (OrderCancelled) unpaid.expireIfOverdue(deadlines, NOW.plusSeconds(15 * 60)).event();
        assertThat(timedOut.reason()).isEqualTo(OrderCancelled.PAYMENT_TIMEOUT);

        Order placed = sample.pizzaOrderIn(OrderStatus.PLACED);
        assertThat(placed.expireIfOverdue(deadlines, NOW.plusSeconds(9 * 60))).isNull();
        OrderCancelled unanswered = (OrderCancelled) placed.expireIfOverdue(deadlines, NOW.plusSeconds(10 * 60))
                .event();
        assertThat(unanswered.reason()).isEqualTo(OrderCancelled.VENDOR_TIMEOUT);
        assertThat(unanswered.previousStatus()).isEqualTo("PLACED");

        Order confirmed = sample.pizzaOrderIn(OrderStatus.CONFIRMED);
        assertThat(confirmed.expireIfOverdue(deadlines, NOW.plusSeconds(24 * 3600))).as("never by a clock").isNull();
    }

    @Test
    void aPersonsCancelCarriesTheirWordsAsTheDetail() {
        Order order = sample.pizzaOrderIn(OrderStatus.PLACED);

        OrderCancelled cancelled = (OrderCancelled) order.cancel(sample.vendor, "Oven broke", NOW).event();

        assertThat(cancelled.reason()).isEqualTo(OrderCancelled.VENDOR_REJECTED);
        assertThat(cancelled.detail()).isEqualTo("Oven broke");
    }

    @Test
    void paymentCompletedForACancelledOrderIsRecordedNotApplied() {
        Order order = sample.pizzaOrderIn(OrderStatus.CANCELLED);

        assertThat(order.paymentCompleted("pi_late", NOW)).isNull();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.timeline().getLast().kind()).isEqualTo(TimelineKind.EVENT_NOT_APPLIED);
        assertThat(order.timeline().getLast().reason()).contains("pi_late").contains("CANCELLED");
    }

    @Test
    void paymentFailedCancelsAWaitingOrderAsTheSystem() {
        Order order = sample.pizzaOrder();

        StatusChange change = order.paymentFailed("card_declined", "Your card was declined.", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        OrderCancelled cancelled = (OrderCancelled) change.event();
        assertThat(cancelled.reason()).isEqualTo("PAYMENT_FAILED");
        assertThat(cancelled.cancelledBy()).isEqualTo("SYSTEM");
    }

    @Test
    void paymentFailedAfterThePaymentCompletedChangesNothing() {
        Order order = sample.pizzaOrderIn(OrderStatus.PLACED);

        assertThat(order.paymentFailed("card_declined", "late", NOW)).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aDriverIsAssignedOnlyWhileTheOrderAwaitsPickup() {
        Set<OrderStatus> assignable = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING,
                OrderStatus.READY_FOR_PICKUP);
        for (OrderStatus status : OrderStatus.values()) {
            Order order = sample.pizzaOrderIn(status);
            UUID newDriver = UUID.randomUUID();
            boolean applied = order.assignDriver(newDriver, "Mia", "CAR", NOW);
            assertThat(applied).as("assign in %s", status).isEqualTo(assignable.contains(status));
            if (applied) {
                assertThat(order.driverId()).isEqualTo(newDriver);
            } else {
                assertThat(order.driverId()).isNotEqualTo(newDriver);
                assertThat(order.timeline().getLast().kind()).isEqualTo(TimelineKind.EVENT_NOT_APPLIED);
            }
            assertThat(order.status()).isEqualTo(status);
        }
    }

    @Test
    void driverUnavailableIsRecordedAndNeverCancels() {
        Order order = sample.pizzaOrderIn(OrderStatus.CONFIRMED);

        order.driverUnavailable(null, "NO_DRIVER_AVAILABLE", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.driverId()).isEqualTo(sample.driverId);
        assertThat(order.timeline().getLast().kind()).isEqualTo(TimelineKind.DRIVER_UNAVAILABLE);
        assertThat(order.timeline().getLast().reason()).isEqualTo("NO_DRIVER_AVAILABLE");
    }

    @Test
    void refundsAddUp() {
        Order order = sample.pizzaOrderIn(OrderStatus.CANCELLED);

        order.refunded(1000, "EUR", "ORDER_CANCELLED", NOW);
        order.refunded(1949, "EUR", "ADMIN", NOW);

        assertThat(order.refundedMinor()).isEqualTo(2949);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }
}
