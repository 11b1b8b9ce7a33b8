package com.delivery.notification.infra;

import com.delivery.notification.domain.DeviceToken;
import com.delivery.notification.domain.DeviceTokens;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaDeviceTokens extends JpaRepository<DeviceToken, String>, DeviceTokens {
}
