package com.delivery.driver.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Locale;
import java.util.Objects;

/** The driver's vehicle: type, number plate (kept upper-case, without surrounding blanks) and model. */
@Embeddable
public class Vehicle {

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_type", nullable = false)
    private VehicleType type;

    @Column(name = "vehicle_plate", nullable = false)
    private String plate;

    @Column(name = "vehicle_model", nullable = false)
    private String model;

    protected Vehicle() {
    }

    public Vehicle(VehicleType type, String plate, String model) {
        this.type = Objects.requireNonNull(type, "type");
        this.plate = Objects.requireNonNull(plate, "plate").trim().toUpperCase(Locale.ROOT);
        this.model = Objects.requireNonNull(model, "model").trim();
    }

    public VehicleType type() {
        return type;
    }

    public String plate() {
        return plate;
    }

    public String model() {
        return model;
    }
}
