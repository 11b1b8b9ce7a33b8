package com.delivery.payment.infra;

import com.delivery.payment.domain.VendorOwner;
import com.delivery.payment.domain.VendorOwners;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaVendorOwners extends JpaRepository<VendorOwner, UUID>, VendorOwners {
}
