package com.delivery.payment.app;

import java.util.Optional;
import java.util.UUID;

/** Client secrets of open intents, kept for a while so a customer's app can fetch them quickly. */
public interface ClientSecretCache {

    void put(UUID paymentId, String clientSecret);

    Optional<String> get(UUID paymentId);

    void evict(UUID paymentId);
}
