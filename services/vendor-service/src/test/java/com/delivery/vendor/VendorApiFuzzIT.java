package com.delivery.vendor;

import com.delivery.testsupport.fuzz.ApiFuzzer;
import com.delivery.vendor.Vendors.TestVendor;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/vendor-service.json under generated hostile requests: never a 5xx, every 4xx a
 * problem (issue 14). Path ids are sometimes a real approved vendor's, so requests reach its menu and hours.
 */
class VendorApiFuzzIT extends VendorIT {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        TestVendor vendor = vendors.approvedPizzeria();

        ApiFuzzer.of("vendor-service", port).tries(250)
                .skip("POST", "/api/v1/admin/vendors/reindex")
                .knownId("vendorId", () -> vendor.id().toString())
                .assertNoBrokenPromises();
    }
}
