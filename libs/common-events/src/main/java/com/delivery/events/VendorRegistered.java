package com.delivery.events;

import java.util.UUID;

/**
 * A vendor profile was created. Lets consumers that address vendors (notification) map a vendor to the user
 * who owns it, whose contact details come from {@code user.*} events, without calling the vendor service.
 *
 * @param ownerUserId the VENDOR user who created and manages the profile
 * @param category    {@code FOOD}, {@code GROCERY}, {@code PHARMACY}, ...
 */
public record VendorRegistered(UUID vendorId, UUID ownerUserId, String name, String category)
        implements EventPayload {

    public VendorRegistered {
        Checks.required(vendorId, "vendorId");
        Checks.required(ownerUserId, "ownerUserId");
        Checks.requiredText(name, "name");
        Checks.requiredText(category, "category");
    }

    @Override
    public String aggregateId() {
        return vendorId.toString();
    }
}
