package com.delivery.order.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One line of an order, priced by the vendor's quote at checkout. */
@Entity
@Table(name = "order_items")
public class OrderItem {

    @Id
    private UUID id;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "menu_item_id", nullable = false)
    private UUID menuItemId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    @Column(name = "line_total_minor", nullable = false)
    private long lineTotalMinor;

    @Column(name = "prescription_required", nullable = false)
    private boolean prescriptionRequired;

    @Enumerated(EnumType.STRING)
    private Substitution substitution;

    @ElementCollection
    @CollectionTable(name = "order_item_options", joinColumns = @JoinColumn(name = "order_item_id"))
    @OrderColumn(name = "position")
    private List<ItemOption> options = new ArrayList<>();

    protected OrderItem() {
    }

    public OrderItem(int lineNo, UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
            boolean prescriptionRequired, Substitution substitution, List<ItemOption> options) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        this.id = UUID.randomUUID();
        this.lineNo = lineNo;
        this.menuItemId = menuItemId;
        this.name = name;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
        this.lineTotalMinor = lineTotalMinor;
        this.prescriptionRequired = prescriptionRequired;
        this.substitution = substitution;
        this.options = new ArrayList<>(options);
    }

    public int lineNo() {
        return lineNo;
    }

    public UUID menuItemId() {
        return menuItemId;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public long lineTotalMinor() {
        return lineTotalMinor;
    }

    public boolean prescriptionRequired() {
        return prescriptionRequired;
    }

    public Substitution substitution() {
        return substitution;
    }

    public List<ItemOption> options() {
        return List.copyOf(options);
    }
}
