package com.delivery.vendor.api;

import com.delivery.vendor.app.MenuView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A vendor's menu by section; prices in minor units of {@code currency}. */
record MenuResponse(UUID vendorId, String currency, List<Section> sections) {

    record Section(String name, List<MenuView.Item> items) {
    }

    static MenuResponse of(MenuView menu) {
        Map<String, List<MenuView.Item>> bySection = new LinkedHashMap<>();
        menu.items().forEach(i -> bySection.computeIfAbsent(i.section(), s -> new ArrayList<>()).add(i));
        return new MenuResponse(menu.vendorId(), menu.currency(),
                bySection.entrySet().stream().map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList());
    }
}
