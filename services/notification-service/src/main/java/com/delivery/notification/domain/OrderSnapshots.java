package com.delivery.notification.domain;

import java.util.Optional;
import java.util.UUID;

public interface OrderSnapshots {

    OrderSnapshot save(OrderSnapshot snapshot);

    Optional<OrderSnapshot> findById(UUID orderId);

    boolean existsById(UUID orderId);
}
