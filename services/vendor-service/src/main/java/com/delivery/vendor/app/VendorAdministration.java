package com.delivery.vendor.app;

import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin side: approval queue, approve/reject, suspend/reinstate, counts for the dashboard. */
@Service
public class VendorAdministration {

    public record Page(List<VendorView> vendors, long total) {
    }

    private final Vendors vendors;
    private final VendorCaches caches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VendorAdministration(Vendors vendors, VendorCaches caches, ApplicationEventPublisher events, Clock clock) {
        this.vendors = vendors;
        this.caches = caches;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page list(String query, VendorStatus status, int page, int size) {
        String q = query == null || query.isBlank() ? null : query.trim();
        return new Page(vendors.search(q, status, page, size).stream().map(VendorView::of).toList(),
                vendors.count(q, status));
    }

    @Transactional(readOnly = true)
    public Map<VendorStatus, Long> countByStatus() {
        return vendors.countByStatus();
    }

    @Transactional
    public VendorView approve(UUID vendorId) {
        Vendor vendor = load(vendorId);
        if (vendor.status() != VendorStatus.PENDING_APPROVAL) {
            throw ApiException.conflict("illegal-transition", "Only a vendor waiting for approval can be approved; "
                    + "this one is " + vendor.status());
        }
        return move(vendorId, VendorStatus.APPROVED, null);
    }

    @Transactional
    public VendorView reject(UUID vendorId, String reason) {
        return move(vendorId, VendorStatus.REJECTED, requireReason(reason));
    }

    @Transactional
    public VendorView suspend(UUID vendorId, String reason) {
        return move(vendorId, VendorStatus.SUSPENDED, requireReason(reason));
    }

    @Transactional
    public VendorView reinstate(UUID vendorId) {
        Vendor vendor = load(vendorId);
        if (vendor.status() != VendorStatus.SUSPENDED) {
            throw ApiException.conflict("illegal-transition", "Only a suspended vendor can be reinstated; this one is "
                    + vendor.status());
        }
        return move(vendorId, VendorStatus.APPROVED, null);
    }

    private VendorView move(UUID vendorId, VendorStatus target, String reason) {
        Vendor vendor = load(vendorId);
        vendor.transitionTo(target, reason, clock.instant());
        vendors.save(vendor);
        caches.evictAll(vendorId);
        events.publishEvent(VendorChanged.of(vendorId));
        return VendorView.of(vendor);
    }

    private Vendor load(UUID vendorId) {
        return vendors.findById(vendorId).orElseThrow(() -> ApiException.notFound("Vendor", vendorId));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason-required", "Say why, so the vendor can act on it");
        }
        return reason.trim();
    }
}
