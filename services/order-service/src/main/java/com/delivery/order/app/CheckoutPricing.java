package com.delivery.order.app;

import com.delivery.order.app.VendorQuotes.QuoteRequest;
import com.delivery.order.app.VendorQuotes.VendorQuote;
import com.delivery.order.domain.CatalogPricing;
import com.delivery.order.domain.CatalogQuote;
import com.delivery.order.domain.VendorCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.delivery.kit.web.ApiException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Where checkout's prices come from: the order service's replica of the vendor's catalog
 * ({@code vendor.catalog_updated}), with no call to the vendor service. Only a vendor the replica holds no usable
 * snapshot of yet (not published since the replica was introduced) is quoted by the vendor service over HTTP, which
 * also answers 404 for a vendor nobody knows; and an order the replica would refuse is asked of the vendor service
 * again before it is refused (the replica may be a moment behind). Each checkout counts its source in
 * {@code order.checkout.pricing{source=replica|vendor-service|vendor-service-recheck}}.
 *
 * <p>The vendor stays authoritative for stock: a line the replica shows in stock but that has fewer units left
 * than ordered is refused by the vendor's reservation ({@code inventory.rejected}), which cancels the order.
 */
@Service
public class CheckoutPricing {

    static final String METRIC = "order.checkout.pricing";

    private final VendorCatalogs catalogs;
    private final VendorQuotes vendorQuotes;
    private final Clock clock;
    private final Counter fromReplica;
    private final Counter fromVendorService;
    private final Counter rechecked;

    CheckoutPricing(VendorCatalogs catalogs, VendorQuotes vendorQuotes, Clock clock, MeterRegistry meters) {
        this.catalogs = catalogs;
        this.vendorQuotes = vendorQuotes;
        this.clock = clock;
        this.fromReplica = counter(meters, "replica");
        this.fromVendorService = counter(meters, "vendor-service");
        this.rechecked = counter(meters, "vendor-service-recheck");
    }

    private static Counter counter(MeterRegistry meters, String source) {
        return Counter.builder(METRIC).description("Checkouts priced, by where the prices came from")
                .tag("source", source).register(meters);
    }

    /**
     * @param authorization the customer's {@code Authorization} header, forwarded when the vendor service is asked
     */
    public VendorQuote price(PlaceOrder request, String authorization) {
        Optional<VendorCatalog> catalog = catalogs.find(request.vendorId());
        if (catalog.isEmpty()) {
            fromVendorService.increment();
            return vendorQuotes.quote(request.vendorId(), quoteRequest(request), authorization);
        }
        VendorQuote fromCatalog = asVendorQuote(CatalogPricing.quote(catalog.get(), pricingRequest(request),
                clock.instant()));
        if (fromCatalog.problems().isEmpty()) {
            fromReplica.increment();
            return fromCatalog;
        }
        return recheck(request, authorization, fromCatalog);
    }

    /**
     * The replica refuses the order: it may only be behind (a vendor approved, an item added or restocked a moment
     * ago, whose snapshot is still on its way), so the vendor service, which is authoritative, decides. Refusals are
     * rare, so this costs little; if the vendor service cannot answer, the replica's refusal stands.
     */
    private VendorQuote recheck(PlaceOrder request, String authorization, VendorQuote refusal) {
        try {
            VendorQuote authoritative = vendorQuotes.quote(request.vendorId(), quoteRequest(request), authorization);
            rechecked.increment();
            return authoritative;
        } catch (ApiException e) {
            if (!e.status().is5xxServerError()) {
                throw e;
            }
            fromReplica.increment();
            return refusal;
        }
    }

    private static CatalogPricing.Request pricingRequest(PlaceOrder request) {
        return new CatalogPricing.Request(request.items().stream()
                .map(l -> new CatalogPricing.Line(l.menuItemId(), l.quantity(), l.optionIds())).toList(),
                request.deliveryAddress().lat(), request.deliveryAddress().lng());
    }

    private static QuoteRequest quoteRequest(PlaceOrder request) {
        return new QuoteRequest(request.items().stream()
                .map(l -> new QuoteRequest.Line(l.menuItemId(), l.quantity(), l.optionIds())).toList(),
                request.deliveryAddress().lat(), request.deliveryAddress().lng());
    }

    /** The replica's answer in the shape of the vendor service's quote, so checkout treats both alike. */
    private static VendorQuote asVendorQuote(CatalogQuote quote) {
        return new VendorQuote(quote.vendorId(), quote.vendorName(), quote.ownerUserId(), quote.category(),
                quote.currency(), quote.open(), quote.deliverable(),
                quote.zoneId() == null ? null : quote.zoneId().toString(), quote.minimumOrderMinor(),
                quote.deliveryFeeMinor(), quote.subtotalMinor(), quote.estimatedPrepMinutes(),
                new VendorQuote.Point(quote.vendorLocation().lat(), quote.vendorLocation().lng()),
                quote.lines().stream().map(l -> new VendorQuote.Item(l.menuItemId(), l.name(), l.quantity(),
                        l.unitPriceMinor(), l.lineTotalMinor(), l.available(), l.prescriptionRequired(),
                        l.options().stream().map(o -> new VendorQuote.Option(o.optionId(), o.name(),
                                o.priceDeltaMinor())).toList())).toList(),
                quote.problems(), quote.vendorCity());
    }
}
