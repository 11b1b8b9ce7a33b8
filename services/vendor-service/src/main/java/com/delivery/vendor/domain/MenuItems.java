package com.delivery.vendor.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The menu items store. */
public interface MenuItems {

    MenuItem save(MenuItem item);

    /** Saves and writes it to the database now, so plain SQL in the same transaction sees it. */
    MenuItem saveAndFlush(MenuItem item);

    Optional<MenuItem> findById(UUID id);

    List<MenuItem> findByVendorId(UUID vendorId);

    List<MenuItem> findAllById(Iterable<UUID> ids);

    void delete(MenuItem item);

    long countByVendorId(UUID vendorId);

    default List<MenuItem> findForVendor(UUID vendorId, Collection<UUID> ids) {
        return findAllById(ids).stream().filter(i -> i.vendorId().equals(vendorId)).toList();
    }
}
