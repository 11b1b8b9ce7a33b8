package com.delivery.vendor.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Per-order record of what stock was held, so commit and release act on exactly that, once. */
public interface OrderStockLedger {

    /** Serialises the handling of one order's events until the transaction ends. */
    void lockOrder(UUID orderId);

    Optional<OrderStockState> state(UUID orderId);

    void setState(UUID orderId, UUID vendorId, OrderStockState state);

    void saveLines(UUID orderId, Map<UUID, Integer> quantities);

    Map<UUID, Integer> lines(UUID orderId);
}
