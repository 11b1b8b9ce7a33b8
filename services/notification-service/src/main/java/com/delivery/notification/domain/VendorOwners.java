package com.delivery.notification.domain;

import java.util.Optional;
import java.util.UUID;

public interface VendorOwners {

    VendorOwner save(VendorOwner owner);

    Optional<VendorOwner> findById(UUID vendorId);
}
