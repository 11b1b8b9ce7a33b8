package com.delivery.order.api;

import com.delivery.order.app.PlaceOrder;
import com.delivery.order.domain.DeliveryAddress;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.Substitution;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of the order API. */
final class Requests {

    private Requests() {
    }

    /**
     * Checkout. Prices the client sends (if any) are ignored: the vendor's catalog prices the order.
     *
     * @param tipMinor               for the driver, in minor units; 0 if absent
     * @param prescriptionReference  required when a pharmacy item needs a prescription
     * @param substitutionPreference grocery orders: SIMILAR_ITEM, CONTACT_ME (default) or REFUND_ITEM
     */
    record PlaceOrderRequest(
            @NotNull UUID vendorId,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> items,
            @NotNull @Valid Address deliveryAddress,
            @PositiveOrZero @Max(1_000_000) Long tipMinor,
            @Size(max = 100) String prescriptionReference,
            Substitution substitutionPreference,
            @Size(max = 500) String note) {

        PlaceOrder command() {
            return new PlaceOrder(vendorId, items.stream().map(Line::command).toList(), deliveryAddress.domain(),
                    tipMinor == null ? 0 : tipMinor, prescriptionReference, substitutionPreference, note);
        }
    }

    record Line(
            @NotNull UUID menuItemId,
            @NotNull @Min(1) @Max(100) Integer quantity,
            @Size(max = 20) List<@NotNull UUID> optionIds,
            Substitution substitution) {

        PlaceOrder.Line command() {
            return new PlaceOrder.Line(menuItemId, quantity, optionIds, substitution);
        }
    }

    record Address(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {

        DeliveryAddress domain() {
            return new DeliveryAddress(line1.trim(), city.trim(), postalCode == null ? null : postalCode.trim(), lat, lng);
        }
    }

    /** The statuses people set; PLACED comes from payment and CANCELLED from the cancel endpoints. */
    enum SettableStatus {
        CONFIRMED, PREPARING, READY_FOR_PICKUP, PICKED_UP, DELIVERED;

        OrderStatus domain() {
            return OrderStatus.valueOf(name());
        }
    }

    /** @param version the order version the caller last saw; a newer order answers 409 */
    record StatusRequest(@NotNull SettableStatus status, @Size(max = 500) String reason, Long version) {
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason, Long version) {
    }
}
