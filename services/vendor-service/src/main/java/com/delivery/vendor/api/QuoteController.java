package com.delivery.vendor.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.vendor.app.Quote;
import com.delivery.vendor.app.QuoteService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The order service's price check at checkout; it forwards the customer's token. Never reserves stock. */
@RestController
@Tag(name = "Quotes")
class QuoteController {

    private final QuoteService quotes;

    QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    record QuoteRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> items,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double deliveryLat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double deliveryLng) {
    }

    record Line(@NotNull UUID menuItemId, @NotNull @Min(1) @Max(999) Integer quantity,
            @Size(max = 30) List<@NotNull UUID> optionIds) {
    }

    record QuoteResponse(UUID vendorId, String vendorName, String vendorCity, UUID ownerUserId, String category, String currency,
            boolean open, boolean deliverable, UUID zoneId, long minimumOrderMinor, long deliveryFeeMinor,
            long subtotalMinor, int estimatedPrepMinutes, Location vendorLocation, List<Item> items,
            List<String> problems) {
    }

    record Location(double lat, double lng) {
    }

    record Item(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
            boolean available, boolean prescriptionRequired, List<Option> options) {
    }

    record Option(UUID optionId, String name, long priceDeltaMinor) {
    }

    @PostMapping("/api/v1/vendors/{vendorId}/quote")
    @Operation(summary = "Authoritative prices, availability, open/deliverable, fee and problems for a prospective order")
    QuoteResponse quote(@PathVariable UUID vendorId, @Valid @RequestBody QuoteRequest request, CurrentUser user) {
        Quote q = quotes.quote(vendorId, new Quote.Request(
                request.items().stream().map(l -> new Quote.RequestLine(l.menuItemId(), l.quantity(),
                        l.optionIds() == null ? List.of() : l.optionIds())).toList(),
                request.deliveryLat(), request.deliveryLng()));
        return new QuoteResponse(q.vendorId(), q.vendorName(), q.vendorCity(), q.ownerUserId(), q.category(), q.currency(), q.open(),
                q.deliverable(), q.zoneId(), q.minimumOrderMinor(), q.deliveryFeeMinor(), q.subtotalMinor(),
                q.estimatedPrepMinutes(), new Location(q.vendorLat(), q.vendorLng()),
                q.items().stream().map(i -> new Item(i.menuItemId(), i.name(), i.quantity(), i.unitPriceMinor(),
                        i.lineTotalMinor(), i.available(), i.prescriptionRequired(),
                        i.options().stream().map(o -> new Option(o.optionId(), o.name(), o.priceDeltaMinor())).toList()))
                        .toList(),
                q.problems());
    }
}
