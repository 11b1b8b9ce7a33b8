package com.delivery.notification.domain;

import java.util.List;
import java.util.UUID;

public interface DeliveryAttempts {

    DeliveryAttempt save(DeliveryAttempt attempt);

    List<DeliveryAttempt> findByNotificationIdOrderByIdAsc(UUID notificationId);
}
