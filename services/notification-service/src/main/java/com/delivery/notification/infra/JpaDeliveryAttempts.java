package com.delivery.notification.infra;

import com.delivery.notification.domain.DeliveryAttempt;
import com.delivery.notification.domain.DeliveryAttempts;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaDeliveryAttempts extends JpaRepository<DeliveryAttempt, Long>, DeliveryAttempts {
}
