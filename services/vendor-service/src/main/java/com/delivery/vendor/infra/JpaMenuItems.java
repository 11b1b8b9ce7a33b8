package com.delivery.vendor.infra;

import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItems;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaMenuItems extends JpaRepository<MenuItem, UUID>, MenuItems {

    @Override
    @EntityGraph(attributePaths = "options")
    List<MenuItem> findByVendorId(UUID vendorId);

    @Override
    long countByVendorId(UUID vendorId);
}
