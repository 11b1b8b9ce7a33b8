package com.delivery.vendor.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The pure all-or-nothing rule for a new order: given the units it wants per item and the (locked) stock levels,
 * either every tracked line can be held ({@link Hold}) or the order is refused naming every short line
 * ({@link Reject}). An item without a stock level, or whose level belongs to another vendor, is not tracked for this
 * order: made to order, never short and never held.
 */
public sealed interface StockDecision {

    /** Hold these units (item → quantity, in item id order); empty when no line is tracked. */
    record Hold(Map<UUID, Integer> lines) implements StockDecision {

        public Hold {
            lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        }
    }

    /** Nothing can be held: these lines (in item id order, at least one) are short. */
    record Reject(List<Shortage> shortages) implements StockDecision {

        public Reject {
            shortages = List.copyOf(shortages);
            if (shortages.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one short line");
            }
        }
    }

    /** {@code requested} units of {@code menuItemId} wanted, only {@code available} left. */
    record Shortage(UUID menuItemId, int requested, int available) {
    }

    /**
     * @param vendorId the order's vendor; stock levels of any other vendor are ignored
     * @param wanted   units wanted per menu item (lines of the same item already added up)
     * @param levels   stock levels of the tracked items among them, by menu item id
     */
    static StockDecision decide(UUID vendorId, Map<UUID, Integer> wanted, Map<UUID, StockLevel> levels) {
        Map<UUID, Integer> held = new TreeMap<>();
        List<Shortage> shortages = new ArrayList<>();
        new TreeMap<>(wanted).forEach((itemId, quantity) -> {
            StockLevel level = levels.get(itemId);
            if (level == null || !level.vendorId().equals(vendorId)) {
                return;
            }
            if (level.available() < quantity) {
                shortages.add(new Shortage(itemId, quantity, level.available()));
            } else {
                held.put(itemId, quantity);
            }
        });
        return shortages.isEmpty() ? new Hold(held) : new Reject(shortages);
    }
}
