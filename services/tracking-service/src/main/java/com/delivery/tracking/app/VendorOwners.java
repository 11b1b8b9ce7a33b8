package com.delivery.tracking.app;

import java.util.Optional;
import java.util.UUID;

/** Which user owns which vendor, from {@code vendor.registered}; lets vendor owners watch their orders. */
public interface VendorOwners {

    void record(UUID vendorId, UUID ownerUserId);

    Optional<UUID> ownerOf(UUID vendorId);
}
