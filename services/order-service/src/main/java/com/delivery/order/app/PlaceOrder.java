package com.delivery.order.app;

import com.delivery.order.domain.DeliveryAddress;
import com.delivery.order.domain.Substitution;
import java.util.List;
import java.util.UUID;

/**
 * A customer's checkout request. Carries no prices: they come from the vendor's catalog (or quote).
 *
 * @param prescriptionReference required when a pharmacy item needs a prescription
 * @param substitutionPreference grocery orders: what to do when an item is missing (default CONTACT_ME)
 */
public record PlaceOrder(UUID vendorId, List<Line> items, DeliveryAddress deliveryAddress, long tipMinor,
        String prescriptionReference, Substitution substitutionPreference, String note) {

    public PlaceOrder {
        items = List.copyOf(items);
    }

    /** @param substitution grocery orders: this line's own substitution preference */
    public record Line(UUID menuItemId, int quantity, List<UUID> optionIds, Substitution substitution) {

        public Line {
            optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        }
    }
}
