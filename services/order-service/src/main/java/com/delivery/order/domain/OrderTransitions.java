package com.delivery.order.domain;

import static com.delivery.order.domain.OrderStatus.CANCELLED;
import static com.delivery.order.domain.OrderStatus.CONFIRMED;
import static com.delivery.order.domain.OrderStatus.DELIVERED;
import static com.delivery.order.domain.OrderStatus.PENDING_PAYMENT;
import static com.delivery.order.domain.OrderStatus.PICKED_UP;
import static com.delivery.order.domain.OrderStatus.PLACED;
import static com.delivery.order.domain.OrderStatus.PREPARING;
import static com.delivery.order.domain.OrderStatus.READY_FOR_PICKUP;
import static com.delivery.order.domain.Party.ADMIN;
import static com.delivery.order.domain.Party.CUSTOMER;
import static com.delivery.order.domain.Party.DRIVER;
import static com.delivery.order.domain.Party.SYSTEM;
import static com.delivery.order.domain.Party.VENDOR;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order state machine: which moves exist and who may make each.
 * <pre>
 * PENDING_PAYMENT -> PLACED -> CONFIRMED -> PREPARING -> READY_FOR_PICKUP -> PICKED_UP -> DELIVERED
 * PENDING_PAYMENT, PLACED, CONFIRMED -> CANCELLED
 * </pre>
 * Payment moves an order to PLACED (the system, on {@code payment.completed}); the vendor confirms, prepares and
 * marks it ready; the assigned driver picks it up and delivers it; the customer cancels while it may be cancelled,
 * the vendor rejects (cancels) a paid order, the system cancels when payment fails. An admin may make every move a
 * person can make. Anything else does not exist.
 */
public final class OrderTransitions {

    /** When several of an actor's capacities allow a move, it is recorded under the first of these. */
    static final List<Party> PRECEDENCE = List.of(SYSTEM, CUSTOMER, VENDOR, DRIVER, ADMIN);

    private static final Map<OrderStatus, Map<OrderStatus, Set<Party>>> MOVES = new EnumMap<>(OrderStatus.class);

    static {
        allow(PENDING_PAYMENT, PLACED, SYSTEM);
        allow(PENDING_PAYMENT, CANCELLED, CUSTOMER, SYSTEM, ADMIN);
        allow(PLACED, CONFIRMED, VENDOR, ADMIN);
        allow(PLACED, CANCELLED, CUSTOMER, VENDOR, SYSTEM, ADMIN);
        allow(CONFIRMED, PREPARING, VENDOR, ADMIN);
        allow(CONFIRMED, CANCELLED, CUSTOMER, VENDOR, SYSTEM, ADMIN);
        allow(PREPARING, READY_FOR_PICKUP, VENDOR, ADMIN);
        allow(READY_FOR_PICKUP, PICKED_UP, DRIVER, ADMIN);
        allow(PICKED_UP, DELIVERED, DRIVER, ADMIN);
    }

    private OrderTransitions() {
    }

    private static void allow(OrderStatus from, OrderStatus to, Party... parties) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(OrderStatus.class)).put(to, EnumSet.of(parties[0], parties));
    }

    /** Who may move an order from {@code from} to {@code to}; empty when the move does not exist. */
    public static Optional<Set<Party>> whoMay(OrderStatus from, OrderStatus to) {
        return Optional.ofNullable(MOVES.getOrDefault(from, Map.of()).get(to)).map(Set::copyOf);
    }

    public static boolean exists(OrderStatus from, OrderStatus to) {
        return whoMay(from, to).isPresent();
    }

    /** Whether any of {@code parties} may move <em>some</em> order to {@code to}, from whichever status. */
    public static boolean mayEverMoveTo(OrderStatus to, Set<Party> parties) {
        return MOVES.values().stream().map(targets -> targets.get(to))
                .anyMatch(allowed -> allowed != null && allowed.stream().anyMatch(parties::contains));
    }

    /** The statuses an order may be cancelled from. */
    public static Set<OrderStatus> cancellable() {
        Set<OrderStatus> from = EnumSet.noneOf(OrderStatus.class);
        MOVES.forEach((status, targets) -> {
            if (targets.containsKey(CANCELLED)) {
                from.add(status);
            }
        });
        return from;
    }

    /** The capacity a move is recorded under: the first of {@link #PRECEDENCE} that both applies and is allowed. */
    static Party actingParty(Set<Party> parties, Set<Party> allowed) {
        return PRECEDENCE.stream().filter(p -> parties.contains(p) && allowed.contains(p)).findFirst()
                .orElseThrow();
    }
}
