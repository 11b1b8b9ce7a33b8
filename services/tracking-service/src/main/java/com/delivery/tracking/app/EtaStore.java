package com.delivery.tracking.app;

import com.delivery.tracking.domain.Eta;
import java.util.Optional;
import java.util.UUID;

/** The last ETA computed per order. */
public interface EtaStore {

    void save(Eta eta);

    Optional<Eta> find(UUID orderId);
}
