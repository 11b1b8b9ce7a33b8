package com.delivery.vendor.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "menu_items")
public class MenuItem {

    @Id
    private UUID id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(nullable = false)
    private String section;

    private int position;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    private boolean available;

    @Column(name = "image_url")
    private String imageUrl;

    @Column(name = "prep_minutes")
    private Integer prepMinutes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "dietary_tags", columnDefinition = "text[]", nullable = false)
    private List<String> dietaryTags = new ArrayList<>();

    private String unit;

    @Column(name = "weight_grams")
    private Integer weightGrams;

    private String barcode;

    @Column(name = "prescription_required")
    private boolean prescriptionRequired;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "menu_item_id", nullable = false)
    @OrderBy("position")
    private List<ItemOption> options = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MenuItem() {
    }

    public MenuItem(UUID id, UUID vendorId, MenuItemDetails details, Instant now) {
        this.id = id;
        this.vendorId = vendorId;
        this.createdAt = now;
        apply(details, now);
    }

    public void update(MenuItemDetails details, Instant now) {
        apply(details, now);
    }

    private void apply(MenuItemDetails d, Instant now) {
        if (d.priceMinor() < 0) {
            throw new InvalidInputException("negative-price", "priceMinor", "A price cannot be negative");
        }
        this.section = d.section();
        this.position = d.position();
        this.name = InvalidInputException.requireName(d.name(), "name");
        this.description = d.description();
        this.priceMinor = d.priceMinor();
        this.available = d.available();
        this.imageUrl = d.imageUrl();
        this.prepMinutes = d.prepMinutes();
        this.dietaryTags = new ArrayList<>(d.dietaryTags());
        this.unit = d.unit();
        this.weightGrams = d.weightGrams();
        this.barcode = d.barcode();
        this.prescriptionRequired = d.prescriptionRequired();
        replaceOptions(d.options());
        this.updatedAt = now;
    }

    private void replaceOptions(List<MenuItemDetails.OptionDetails> wanted) {
        Map<UUID, ItemOption> existing = options.stream().collect(Collectors.toMap(ItemOption::id, Function.identity()));
        List<ItemOption> next = new ArrayList<>();
        int position = 0;
        for (MenuItemDetails.OptionDetails o : wanted) {
            ItemOption kept = o.id() == null ? null : existing.get(o.id());
            if (kept != null) {
                kept.change(o.group(), o.name(), o.priceDeltaMinor(), position);
                next.add(kept);
            } else {
                next.add(new ItemOption(UUID.randomUUID(), o.group(), o.name(), o.priceDeltaMinor(), position));
            }
            position++;
        }
        options.clear();
        options.addAll(next);
    }

    public Optional<ItemOption> option(UUID optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    public UUID id() {
        return id;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public String section() {
        return section;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long priceMinor() {
        return priceMinor;
    }

    /** The owner's switch; stock is checked separately (an out-of-stock item is unavailable whatever this says). */
    public boolean available() {
        return available;
    }

    public String imageUrl() {
        return imageUrl;
    }

    public Integer prepMinutes() {
        return prepMinutes;
    }

    public List<String> dietaryTags() {
        return List.copyOf(dietaryTags);
    }

    public String unit() {
        return unit;
    }

    public Integer weightGrams() {
        return weightGrams;
    }

    public String barcode() {
        return barcode;
    }

    public boolean prescriptionRequired() {
        return prescriptionRequired;
    }

    public List<ItemOption> options() {
        return List.copyOf(options);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
