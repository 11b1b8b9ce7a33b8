package com.delivery.vendor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockDecisionTest {

    private static final UUID VENDOR = UUID.fromString("c514f052-ad8b-4541-8689-a0b599decd8b");
    private static final UUID OTHER_VENDOR = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
    private static final UUID TIRAMISU = UUID.fromString("a7f111c8-465c-46b4-a685-fd64ff12c609");
    private static final UUID PANNA_COTTA = UUID.fromString("abea672e-1fec-43b9-a0dd-e8f820cc58b1");
    private static final UUID CANNOLI = UUID.fromString("f0000000-0000-4000-8000-000000000003");
    private static final UUID PIZZA = UUID.fromString("f0000000-0000-4000-8000-000000000004");

    private static StockLevel stock(UUID item, int available) {
        return stock(item, VENDOR, available);
    }

    private static StockLevel stock(UUID item, UUID vendor, int available) {
        return new StockLevel(item, vendor, available, 2, 7, 0);
    }

    private static Map<UUID, StockLevel> levels(StockLevel... levels) {
        Map<UUID, StockLevel> map = new HashMap<>();
        for (StockLevel level : levels) {
            map.put(level.menuItemId(), level);
        }
        return map;
    }

    @Test
    void enoughStockHoldsEveryTrackedLine() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(TIRAMISU, 2, PANNA_COTTA, 1),
                levels(stock(TIRAMISU, 2), stock(PANNA_COTTA, 5)));

        assertThat(decision).isEqualTo(new StockDecision.Hold(Map.of(TIRAMISU, 2, PANNA_COTTA, 1)));
        assertThat(((StockDecision.Hold) decision).lines().keySet()).as("in item id order")
                .containsExactly(TIRAMISU, PANNA_COTTA);
    }

    @Test
    void oneShortLineRejectsTheWholeOrder() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(TIRAMISU, 2, PANNA_COTTA, 3),
                levels(stock(TIRAMISU, 10), stock(PANNA_COTTA, 1)));

        assertThat(decision).isEqualTo(new StockDecision.Reject(List.of(
                new StockDecision.Shortage(PANNA_COTTA, 3, 1))));
    }

    @Test
    void everyShortLineIsNamedNotJustTheFirst() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(TIRAMISU, 4, PANNA_COTTA, 2, CANNOLI, 1),
                levels(stock(TIRAMISU, 3), stock(PANNA_COTTA, 0), stock(CANNOLI, 1)));

        assertThat(decision).isEqualTo(new StockDecision.Reject(List.of(
                new StockDecision.Shortage(TIRAMISU, 4, 3),
                new StockDecision.Shortage(PANNA_COTTA, 2, 0))));
    }

    @Test
    void untrackedItemsAreUnlimitedAndNotHeld() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(TIRAMISU, 1, PIZZA, 50),
                levels(stock(TIRAMISU, 1)));

        assertThat(decision).isEqualTo(new StockDecision.Hold(Map.of(TIRAMISU, 1)));
    }

    @Test
    void anOrderOfOnlyUntrackedItemsHoldsNothing() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(PIZZA, 3), levels());

        assertThat(decision).isEqualTo(new StockDecision.Hold(Map.of()));
    }

    @Test
    void stockOfAnotherVendorsItemIsIgnored() {
        StockDecision decision = StockDecision.decide(VENDOR, Map.of(TIRAMISU, 5, PANNA_COTTA, 1),
                levels(stock(TIRAMISU, OTHER_VENDOR, 0), stock(PANNA_COTTA, 1)));

        assertThat(decision).as("treated as not tracked: neither short nor held")
                .isEqualTo(new StockDecision.Hold(Map.of(PANNA_COTTA, 1)));
    }

    @Test
    void exactlyWhatIsLeftIsEnough() {
        assertThat(StockDecision.decide(VENDOR, Map.of(TIRAMISU, 3), levels(stock(TIRAMISU, 3))))
                .isEqualTo(new StockDecision.Hold(Map.of(TIRAMISU, 3)));
        assertThat(StockDecision.decide(VENDOR, Map.of(TIRAMISU, 1), levels(stock(TIRAMISU, 0))))
                .isEqualTo(new StockDecision.Reject(List.of(new StockDecision.Shortage(TIRAMISU, 1, 0))));
    }

    @Test
    void aRejectionNamesAtLeastOneLine() {
        assertThatThrownBy(() -> new StockDecision.Reject(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
