package com.delivery.vendor.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A modifier of a menu item (a size, an extra) with its price delta in minor units; grouped by {@code group}. */
@Entity
@Table(name = "menu_item_options")
public class ItemOption {

    @Id
    private UUID id;

    @Column(name = "option_group", nullable = false)
    private String group;

    @Column(nullable = false)
    private String name;

    @Column(name = "price_delta_minor", nullable = false)
    private long priceDeltaMinor;

    private int position;

    protected ItemOption() {
    }

    public ItemOption(UUID id, String group, String name, long priceDeltaMinor, int position) {
        if (priceDeltaMinor < 0) {
            throw new InvalidInputException("negative-price", "priceDeltaMinor", "An option cannot cost less than nothing");
        }
        this.id = id;
        this.group = group;
        this.name = InvalidInputException.requireName(name, "options.name");
        this.priceDeltaMinor = priceDeltaMinor;
        this.position = position;
    }

    void change(String group, String name, long priceDeltaMinor, int position) {
        if (priceDeltaMinor < 0) {
            throw new InvalidInputException("negative-price", "priceDeltaMinor", "An option cannot cost less than nothing");
        }
        this.group = group;
        this.name = InvalidInputException.requireName(name, "options.name");
        this.priceDeltaMinor = priceDeltaMinor;
        this.position = position;
    }

    public UUID id() {
        return id;
    }

    public String group() {
        return group;
    }

    public String name() {
        return name;
    }

    public long priceDeltaMinor() {
        return priceDeltaMinor;
    }

    public int position() {
        return position;
    }
}
