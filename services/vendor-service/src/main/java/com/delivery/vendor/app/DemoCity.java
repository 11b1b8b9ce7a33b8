package com.delivery.vendor.app;

import com.delivery.events.VendorRegistered;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.vendor.domain.DeliveryZone;
import com.delivery.vendor.domain.DeliveryZones;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItemDetails;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorCategory;
import com.delivery.vendor.domain.VendorDetails;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import com.delivery.vendor.domain.ZonePolygon;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Demo data: a realistic Berlin with approved vendors (food, grocery, pharmacy), weekly hours (some past midnight),
 * a delivery zone each, menus with options and some tracked stock, all derived from a seed so every run builds the
 * same city. Owned by a fixed demo user; a second run adds nothing.
 */
@Service
public class DemoCity {

    public static final UUID DEMO_OWNER = UUID.nameUUIDFromBytes("demo-vendor-owner".getBytes(StandardCharsets.UTF_8));

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    private static final double CENTER_LAT = 52.5200;
    private static final double CENTER_LNG = 13.4050;

    private static final String[] FOOD_WORDS = {"Trattoria", "Pizzeria", "Sushi Bar", "Curry House", "Burger Joint",
        "Taqueria", "Noodle Shop", "Bistro", "Falafel", "Döner", "Ramen Ya", "Pho", "Dumpling House", "Grill",
        "Bakery", "Vegan Kitchen", "Steakhouse", "Poke Bowl", "Thai Kitchen", "Kebab"};
    private static final String[][] CUISINES = {{"italian", "pizza"}, {"italian", "pizza"}, {"japanese", "sushi"},
        {"indian", "curry"}, {"american", "burger"}, {"mexican"}, {"chinese", "noodles"}, {"french"},
        {"middle-eastern", "vegan"}, {"turkish"}, {"japanese", "ramen"}, {"vietnamese"}, {"chinese"}, {"german", "grill"},
        {"bakery", "breakfast"}, {"vegan"}, {"steak", "american"}, {"hawaiian", "healthy"}, {"thai"}, {"turkish"}};
    private static final String[] OWNERS = {"Luigi's", "Mama's", "Golden", "Little", "Berlin", "Kiez", "Happy",
        "Royal", "Green", "Blue Moon", "Sunny", "Urban", "Old Town", "Spree", "Corner", "Lucky", "Red Lantern",
        "Family", "Silver", "Midnight"};
    private static final String[] DISHES = {"Margherita", "Salami Pizza", "Lasagne", "Spaghetti Carbonara",
        "Salmon Nigiri", "California Roll", "Chicken Tikka Masala", "Palak Paneer", "Cheeseburger", "Veggie Burger",
        "Beef Tacos", "Burrito", "Pad Thai", "Green Curry", "Ramen Tonkotsu", "Pho Bo", "Dumplings", "Falafel Wrap",
        "Döner Kebab", "Currywurst", "Schnitzel", "Caesar Salad", "Poke Bowl", "Tiramisu", "Cheesecake",
        "Croissant", "Lemonade", "Iced Tea", "Spring Rolls", "Miso Soup"};
    private static final String[] GROCERIES = {"Whole Milk", "Oat Milk", "Free-range Eggs", "Sourdough Bread",
        "Bananas", "Apples", "Tomatoes", "Basmati Rice", "Spaghetti", "Olive Oil", "Butter", "Gouda", "Yoghurt",
        "Coffee Beans", "Orange Juice", "Mineral Water", "Dark Chocolate", "Potatoes", "Onions", "Carrots"};
    private static final String[] MEDICINES = {"Ibuprofen 400", "Paracetamol 500", "Cough Syrup", "Nasal Spray",
        "Vitamin C", "Plasters", "Hand Sanitiser", "Sunscreen SPF 50", "Amoxicillin 500", "Allergy Tablets",
        "Throat Lozenges", "Antiseptic Cream", "Thermometer", "Magnesium", "Eye Drops"};

    private final Vendors vendors;
    private final MenuItems items;
    private final DeliveryZones zones;
    private final Inventory inventory;
    private final SearchIndexing indexing;
    private final OutboxWriter outbox;
    private final CatalogPublisher catalog;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoCity(Vendors vendors, MenuItems items, DeliveryZones zones, Inventory inventory, SearchIndexing indexing,
            OutboxWriter outbox, CatalogPublisher catalog, PlatformTransactionManager transactions, Clock clock) {
        this.vendors = vendors;
        this.items = items;
        this.zones = zones;
        this.inventory = inventory;
        this.indexing = indexing;
        this.outbox = outbox;
        this.catalog = catalog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Loads the city unless the demo owner has vendors already; returns how many vendors were added. */
    public int load(int vendorCount, int itemsPerVendor, long seed) {
        if (!vendors.findByOwner(DEMO_OWNER).isEmpty()) {
            log.info("Demo data present already; nothing loaded");
            return 0;
        }
        Random random = new Random(seed);
        long started = System.nanoTime();
        for (int i = 0; i < vendorCount; i++) {
            int index = i;
            tx.executeWithoutResult(status -> createVendor(random, index, itemsPerVendor));
        }
        int indexed = indexing.reindexAll();
        log.info("Demo city: {} vendors with {} items each loaded and {} indexed in {} s", vendorCount, itemsPerVendor,
                indexed, (System.nanoTime() - started) / 1_000_000_000);
        return vendorCount;
    }

    private void createVendor(Random random, int index, int itemsPerVendor) {
        Instant now = clock.instant();
        int roll = random.nextInt(10);
        VendorCategory category = roll < 7 ? VendorCategory.FOOD : roll < 9 ? VendorCategory.GROCERY
                : VendorCategory.PHARMACY;
        int kind = random.nextInt(FOOD_WORDS.length);
        String name = switch (category) {
            case GROCERY -> OWNERS[random.nextInt(OWNERS.length)] + " Market " + (index + 1);
            case PHARMACY -> OWNERS[random.nextInt(OWNERS.length)] + " Apotheke " + (index + 1);
            default -> OWNERS[random.nextInt(OWNERS.length)] + " " + FOOD_WORDS[kind] + " " + (index + 1);
        };
        double lat = CENTER_LAT + (random.nextDouble() - 0.5) * 0.24;
        double lng = CENTER_LNG + (random.nextDouble() - 0.5) * 0.40;
        List<String> cuisines = category == VendorCategory.FOOD ? List.of(CUISINES[kind]) : List.of();
        Vendor vendor = new Vendor(UUID.randomUUID(), DEMO_OWNER, new VendorDetails(name, category, cuisines,
                "Demo " + category.name().toLowerCase() + " vendor in Berlin", "Demostraße " + (index + 1), "Berlin",
                "10" + (100 + random.nextInt(900)), lat, lng, "+4930" + (1000000 + random.nextInt(8999999)), List.of(),
                1 + random.nextInt(4), 10 + random.nextInt(30), "EUR", "Europe/Berlin"), now);
        vendor.replaceHours(hours(random, category), List.of(), null, now);
        vendor.transitionTo(VendorStatus.APPROVED, null, now);
        vendors.saveAndFlush(vendor);
        outbox.append(new VendorRegistered(vendor.id(), DEMO_OWNER, name, category.name()));
        // one snapshot with the whole menu when this vendor's transaction commits
        catalog.changed(vendor.id());
        double half = 0.02 + random.nextDouble() * 0.03;
        zones.insert(new DeliveryZone(UUID.randomUUID(), vendor.id(), "Around " + name, square(lat, lng, half),
                1000 + 100L * random.nextInt(11), 199 + 50L * random.nextInt(5)));
        for (int j = 0; j < itemsPerVendor; j++) {
            MenuItem item = items.saveAndFlush(new MenuItem(UUID.randomUUID(), vendor.id(),
                    menuItem(random, category, j), now));
            if (category != VendorCategory.FOOD || random.nextInt(5) == 0) {
                inventory.set(item.id(), vendor.id(), random.nextInt(60), 5);
            }
        }
    }

    private static List<OpeningWindow> hours(Random random, VendorCategory category) {
        List<OpeningWindow> weekly = new ArrayList<>();
        boolean lateWeekends = category == VendorCategory.FOOD && random.nextBoolean();
        boolean closedMondays = random.nextInt(4) == 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            if (closedMondays && day == DayOfWeek.MONDAY) {
                continue;
            }
            boolean late = lateWeekends && (day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY);
            LocalTime opens = category == VendorCategory.FOOD ? LocalTime.of(11, 0) : LocalTime.of(8, 0);
            LocalTime closes = late ? LocalTime.of(2, 0) : LocalTime.of(category == VendorCategory.PHARMACY ? 20 : 23, 0);
            weekly.add(new OpeningWindow(day, opens, closes));
        }
        return weekly;
    }

    private static MenuItemDetails menuItem(Random random, VendorCategory category, int position) {
        return switch (category) {
            case GROCERY -> new MenuItemDetails("Groceries", position, GROCERIES[random.nextInt(GROCERIES.length)]
                    + " " + (position + 1), null, 99 + random.nextInt(900), true, null, null, List.of(), "piece",
                    100 + random.nextInt(900), String.valueOf(4000000000000L + random.nextInt(1_000_000_000)), false,
                    List.of());
            case PHARMACY -> {
                String medicine = MEDICINES[random.nextInt(MEDICINES.length)];
                yield new MenuItemDetails("Pharmacy", position, medicine + " " + (position + 1), null,
                        299 + random.nextInt(2000), true, null, null, List.of(), "pack", null, null,
                        medicine.startsWith("Amoxicillin"), List.of());
            }
            default -> new MenuItemDetails(position < 5 ? "Popular" : "Mains", position,
                    DISHES[random.nextInt(DISHES.length)] + " " + (position + 1), "Freshly made",
                    450 + 10L * random.nextInt(150), random.nextInt(20) != 0, null, 10 + random.nextInt(20),
                    random.nextBoolean() ? List.of("vegetarian") : List.of(), null, null, null, false,
                    List.of(new MenuItemDetails.OptionDetails(null, "Size", "Large", 150 + 50L * random.nextInt(4)),
                            new MenuItemDetails.OptionDetails(null, "Extras", "Extra cheese", 100)));
        };
    }

    private static ZonePolygon square(double lat, double lng, double half) {
        return ZonePolygon.of(List.of(List.of(List.of(lng - half, lat - half), List.of(lng + half, lat - half),
                List.of(lng + half, lat + half), List.of(lng - half, lat + half), List.of(lng - half, lat - half))));
    }
}
