package com.delivery.vendor.domain;

import java.util.UUID;

/** Who may see a vendor: everyone once it is APPROVED; before and after that only its owner and admins. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean visible(VendorStatus status, UUID ownerUserId, UUID viewerId, boolean viewerIsAdmin) {
        return status == VendorStatus.APPROVED || viewerIsAdmin || ownerUserId.equals(viewerId);
    }
}
