package com.delivery.vendor.app;

import com.delivery.events.VendorRegistered;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorDetails;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A vendor user's own vendors: create, read, edit, hours, close. */
@Service
public class VendorCatalog {

    private final Vendors vendors;
    private final VendorReader reader;
    private final VendorAccess access;
    private final VendorCaches caches;
    private final ApplicationEventPublisher events;
    private final OutboxWriter outbox;
    private final CatalogPublisher catalog;
    private final Clock clock;

    VendorCatalog(Vendors vendors, VendorReader reader, VendorAccess access, VendorCaches caches,
            ApplicationEventPublisher events, OutboxWriter outbox, CatalogPublisher catalog, Clock clock) {
        this.vendors = vendors;
        this.reader = reader;
        this.access = access;
        this.caches = caches;
        this.events = events;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * A VENDOR user registers a vendor; it waits for an admin's approval. {@code vendor.registered} tells the other
     * services which user owns it, and its first catalog snapshot (not accepting orders yet) starts the order
     * service's replica of it. Search does not show it yet, so no {@link VendorChanged}.
     */
    @Transactional
    public VendorView create(CurrentUser user, VendorDetails details) {
        if (!user.has(Role.VENDOR)) {
            throw ApiException.forbidden("Only vendor accounts register vendors");
        }
        Vendor vendor = vendors.save(new Vendor(UUID.randomUUID(), user.id(), details, clock.instant()));
        outbox.append(new VendorRegistered(vendor.id(), vendor.ownerUserId(), vendor.name(), vendor.category().name()));
        catalog.changed(vendor.id());
        return VendorView.of(vendor);
    }

    public VendorView get(UUID vendorId, CurrentUser user) {
        return access.visible(reader.profile(vendorId), user);
    }

    @Transactional(readOnly = true)
    public List<VendorView> ownedBy(UUID ownerId) {
        return vendors.findByOwner(ownerId).stream().map(VendorView::of).toList();
    }

    @Transactional
    public VendorView update(UUID vendorId, CurrentUser user, VendorDetails details) {
        Vendor vendor = access.forChange(vendorId, user);
        vendor.update(details, clock.instant());
        return changed(vendors.save(vendor));
    }

    @Transactional
    public VendorView replaceHours(UUID vendorId, CurrentUser user, String timeZone, List<OpeningWindow> weekly,
            List<SpecialClosure> closures) {
        Vendor vendor = access.forChange(vendorId, user);
        vendor.replaceHours(weekly, closures, timeZone, clock.instant());
        return changed(vendors.save(vendor));
    }

    /** The owner deletes the vendor: it is closed for good, gone from search and from customers. */
    @Transactional
    public void close(UUID vendorId, CurrentUser user) {
        Vendor vendor = access.forChange(vendorId, user);
        if (vendor.status() != VendorStatus.CLOSED) {
            vendor.transitionTo(VendorStatus.CLOSED, "Closed by " + (user.isAdmin() ? "an admin" : "the owner"),
                    clock.instant());
            changed(vendors.save(vendor));
        }
    }

    /** A rejected vendor, corrected by its owner, goes back to the approval queue. */
    @Transactional
    public VendorView resubmit(UUID vendorId, CurrentUser user) {
        Vendor vendor = access.forChange(vendorId, user);
        vendor.transitionTo(VendorStatus.PENDING_APPROVAL, null, clock.instant());
        return changed(vendors.save(vendor));
    }

    private VendorView changed(Vendor vendor) {
        caches.evictAll(vendor.id());
        events.publishEvent(VendorChanged.of(vendor.id()));
        return VendorView.of(vendor);
    }
}
