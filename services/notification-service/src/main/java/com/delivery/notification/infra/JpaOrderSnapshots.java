package com.delivery.notification.infra;

import com.delivery.notification.domain.OrderSnapshot;
import com.delivery.notification.domain.OrderSnapshots;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaOrderSnapshots extends JpaRepository<OrderSnapshot, UUID>, OrderSnapshots {
}
