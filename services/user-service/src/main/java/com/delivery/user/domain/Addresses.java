package com.delivery.user.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Addresses {

    Address save(Address address);

    Optional<Address> findById(UUID id);

    List<Address> findByUserIdOrderByLabel(UUID userId);

    void delete(Address address);
}
