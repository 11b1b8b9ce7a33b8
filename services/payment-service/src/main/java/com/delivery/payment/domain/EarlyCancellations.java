package com.delivery.payment.domain;

import java.util.Optional;
import java.util.UUID;

public interface EarlyCancellations {

    EarlyCancellation save(EarlyCancellation cancellation);

    Optional<EarlyCancellation> findById(UUID orderId);
}
