package com.delivery.notification.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface DeviceTokens {

    DeviceToken save(DeviceToken token);

    Optional<DeviceToken> findById(String token);

    List<DeviceToken> findByUserIdOrderByRegisteredAt(UUID userId);

    long countByUserId(UUID userId);

    void delete(DeviceToken token);

    void deleteById(String token);
}
