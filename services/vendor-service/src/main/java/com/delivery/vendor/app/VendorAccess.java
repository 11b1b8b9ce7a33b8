package com.delivery.vendor.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.Vendors;
import com.delivery.vendor.domain.Visibility;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The ownership rule in one place: an unknown vendor, or one the caller may not see (not approved, not theirs), is
 * 404; a visible vendor that is someone else's is 403 for changes.
 */
@Component
public class VendorAccess {

    private final Vendors vendors;

    VendorAccess(Vendors vendors) {
        this.vendors = vendors;
    }

    public Vendor forChange(UUID vendorId, CurrentUser user) {
        Vendor vendor = visible(vendorId, user);
        if (!user.isSelfOrAdmin(vendor.ownerUserId())) {
            throw ApiException.forbidden("Only the vendor's owner or an admin may change it");
        }
        return vendor;
    }

    public Vendor visible(UUID vendorId, CurrentUser user) {
        Vendor vendor = vendors.findById(vendorId).orElseThrow(() -> ApiException.notFound("Vendor", vendorId));
        if (!Visibility.visible(vendor.status(), vendor.ownerUserId(), user.id(), user.isAdmin())) {
            throw ApiException.notFound("Vendor", vendorId);
        }
        return vendor;
    }

    public VendorView visible(VendorView view, CurrentUser user) {
        if (!view.visibleTo(user.id(), user.isAdmin())) {
            throw ApiException.notFound("Vendor", view.id());
        }
        return view;
    }
}
