package com.delivery.notification.infra;

import com.delivery.notification.domain.VendorOwner;
import com.delivery.notification.domain.VendorOwners;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaVendorOwners extends JpaRepository<VendorOwner, UUID>, VendorOwners {
}
