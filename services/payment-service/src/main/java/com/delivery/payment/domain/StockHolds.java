package com.delivery.payment.domain;

import java.util.Optional;
import java.util.UUID;

public interface StockHolds {

    StockHold save(StockHold hold);

    Optional<StockHold> findById(UUID orderId);
}
