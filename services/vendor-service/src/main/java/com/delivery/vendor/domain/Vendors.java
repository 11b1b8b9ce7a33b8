package com.delivery.vendor.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The vendors store, as the use cases need it. */
public interface Vendors {

    Vendor save(Vendor vendor);

    /** Saves and writes it to the database now, so plain SQL in the same transaction sees it. */
    Vendor saveAndFlush(Vendor vendor);

    /** Writes every pending change of the JPA session (not only vendors) to the database now. */
    void flush();

    Optional<Vendor> findById(UUID id);

    List<Vendor> findByOwner(UUID ownerUserId);

    List<Vendor> search(String query, VendorStatus status, int page, int size);

    long count(String query, VendorStatus status);

    Map<VendorStatus, Long> countByStatus();

    List<UUID> idsWithStatus(VendorStatus status);
}
