package com.delivery.vendor.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.OrderFacts;
import com.delivery.vendor.domain.Ratings;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.Vendors;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer rates a vendor once per delivered order of theirs; the vendor keeps the average and count. */
@Service
public class RatingService {

    private final Vendors vendors;
    private final Ratings ratings;
    private final OrderFacts facts;
    private final VendorCaches caches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RatingService(Vendors vendors, Ratings ratings, OrderFacts facts, VendorCaches caches,
            ApplicationEventPublisher events, Clock clock) {
        this.vendors = vendors;
        this.ratings = ratings;
        this.facts = facts;
        this.caches = caches;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VendorView rate(UUID vendorId, CurrentUser customer, UUID orderId, int stars, String comment) {
        Vendor vendor = vendors.findById(vendorId).filter(Vendor::isApproved)
                .orElseThrow(() -> ApiException.notFound("Vendor", vendorId));
        if (!facts.isDeliveredOrderOf(orderId, vendorId, customer.id())) {
            throw ApiException.unprocessable("not-rateable", "Only a delivered order of yours from this vendor can be rated");
        }
        if (!ratings.add(orderId, vendorId, customer.id(), stars, comment, clock.instant())) {
            throw ApiException.conflict("already-rated", "This order was rated already");
        }
        vendor.addRating(stars, clock.instant());
        vendors.save(vendor);
        caches.evictProfile(vendorId);
        events.publishEvent(VendorChanged.of(vendorId));
        return VendorView.of(vendor);
    }
}
