package com.delivery.order.domain;

import java.util.UUID;

/**
 * A vendor catalog snapshot checkout cannot price from (a zone that is not a polygon, an unknown time zone): a
 * producer bug, since the vendor service checks both before storing them. Checkout then asks the vendor service.
 */
public class UnusableCatalogException extends RuntimeException {

    public UnusableCatalogException(UUID vendorId, long version, String reason) {
        super("Catalog of vendor " + vendorId + " version " + version + " is unusable: " + reason);
    }
}
