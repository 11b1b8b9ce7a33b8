package com.delivery.vendor.app;

import com.delivery.vendor.domain.ItemOption;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.StockLevel;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** A vendor's whole menu as read (and cached in Redis for ten minutes), items in section and position order. */
public record MenuView(UUID vendorId, String currency, List<Item> items) implements Serializable {

    /**
     * @param available      orderable now: switched on by the owner and, if stock is tracked, in stock
     * @param stockAvailable units left when stock is tracked, else {@code null}
     */
    public record Item(UUID id, String section, int position, String name, String description, long priceMinor,
            boolean available, String imageUrl, Integer prepMinutes, List<String> dietaryTags, String unit,
            Integer weightGrams, String barcode, boolean prescriptionRequired, List<Option> options,
            Integer stockAvailable) implements Serializable {

        public static Item of(MenuItem item, StockLevel stock) {
            boolean inStock = stock == null || stock.inStock();
            return new Item(item.id(), item.section(), item.position(), item.name(), item.description(),
                    item.priceMinor(), item.available() && inStock, item.imageUrl(), item.prepMinutes(),
                    List.copyOf(item.dietaryTags()), item.unit(), item.weightGrams(), item.barcode(),
                    item.prescriptionRequired(), item.options().stream().map(Option::of).toList(),
                    stock == null ? null : stock.available());
        }
    }

    public record Option(UUID id, String group, String name, long priceDeltaMinor) implements Serializable {

        static Option of(ItemOption o) {
            return new Option(o.id(), o.group(), o.name(), o.priceDeltaMinor());
        }
    }
}
