package com.delivery.vendor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named menu items as request bodies. */
public final class Menus {

    private Menus() {
    }

    /** Pizza Margherita, 9.50, with a size (Large +2.00) and an extra (Burrata +3.50). */
    public static Map<String, Object> margherita() {
        Map<String, Object> item = item("Pizza Margherita", 950);
        item.put("section", "Pizza");
        item.put("prepMinutes", 20);
        item.put("dietaryTags", List.of("vegetarian"));
        item.put("options", new ArrayList<>(List.of(
                Map.of("group", "Size", "name", "Large", "priceDeltaMinor", 200),
                Map.of("group", "Extras", "name", "Burrata", "priceDeltaMinor", 350))));
        return item;
    }

    /** Tiramisu, 5.50, stock tracked: {@code stock} units, low at {@code threshold}. */
    public static Map<String, Object> tiramisu(int stock, int threshold) {
        Map<String, Object> item = item("Tiramisu", 550);
        item.put("section", "Dessert");
        item.put("stock", stock);
        item.put("lowStockThreshold", threshold);
        return item;
    }

    public static Map<String, Object> item(String name, long priceMinor) {
        Map<String, Object> item = new HashMap<>();
        item.put("name", name);
        item.put("priceMinor", priceMinor);
        item.put("section", "Mains");
        return item;
    }
}
