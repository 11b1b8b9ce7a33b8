package com.delivery.driver.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer's rating of the driver who delivered their order; one per order. */
@Entity
@Table(name = "driver_ratings")
public class Rating {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "driver_id", nullable = false)
    private UUID driverId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private int stars;

    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Rating() {
    }

    /** Rates a delivered order; only its customer may, once. */
    public static Rating of(Assignment delivery, UUID customerId, int stars, String comment, Instant now) {
        if (!delivery.customerId().equals(customerId)) {
            throw new NotYoursException("Only the customer of order " + delivery.orderId() + " can rate its driver");
        }
        if (delivery.status() != AssignmentStatus.DELIVERED) {
            throw new DriverRuleException("not-delivered",
                    "Order " + delivery.orderId() + " is not delivered yet; rate the driver after the delivery");
        }
        if (stars < 1 || stars > 5) {
            throw new InvalidDriverInputException("stars", "stars must be between 1 and 5");
        }
        Rating rating = new Rating();
        rating.orderId = delivery.orderId();
        rating.driverId = delivery.driverId();
        rating.customerId = customerId;
        rating.stars = stars;
        rating.comment = comment == null || comment.isBlank() ? null : comment.trim();
        rating.createdAt = now;
        return rating;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID driverId() {
        return driverId;
    }

    public UUID customerId() {
        return customerId;
    }

    public int stars() {
        return stars;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
