package com.delivery.driver.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import java.util.UUID;

/** Who may act on a driver's resources. */
final class Access {

    private Access() {
    }

    /** Only the driver themselves (not even an admin): going online, answering offers. */
    static void requireSelf(CurrentUser user, UUID driverId) {
        if (!user.id().equals(driverId)) {
            throw ApiException.forbidden("Only driver " + driverId + " may do this");
        }
    }
}
