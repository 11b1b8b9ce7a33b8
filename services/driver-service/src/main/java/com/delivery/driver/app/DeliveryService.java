package com.delivery.driver.app;

import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Earning;
import com.delivery.driver.domain.EarningsRates;
import com.delivery.events.OrderDelivered;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code order.delivered}: the driver is free again, the customer may now rate them, and the delivery is booked as
 * earnings. The earnings record is keyed by the order in MongoDB, so booking it is idempotent without a transaction
 * spanning both stores: a redelivered event (or the same delivery republished under a new event id) finds it there.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final Assignments assignments;
    private final EarningsBook earnings;
    private final EarningsRates rates;
    private final String currency;
    private final ServiceClock clock;

    DeliveryService(Assignments assignments, EarningsBook earnings, DriverProperties properties, ServiceClock clock) {
        this.assignments = assignments;
        this.earnings = earnings;
        this.rates = properties.earnings().rates();
        this.currency = properties.earnings().currency();
        this.clock = clock;
    }

    /**
     * @param eventId     the event's id, stored with the earnings record
     * @param deliveredAt when the order was delivered (the event's {@code occurredAt})
     */
    @Transactional
    public void orderDelivered(UUID eventId, Instant deliveredAt, OrderDelivered delivered) {
        Optional<Assignment> assignment = assignments.findById(delivered.orderId());
        if (assignment.isPresent()) {
            if (!assignment.get().driverId().equals(delivered.driverId())) {
                log.warn("Order {} delivered by {} but assigned to {}", delivered.orderId(), delivered.driverId(),
                        assignment.get().driverId());
            }
            assignment.get().delivered(clock.now());
        } else {
            assignments.save(Assignment.alreadyDelivered(delivered.orderId(), delivered.driverId(),
                    delivered.customerId(), delivered.vendorId(), deliveredAt));
        }
        if (!currency.equals(delivered.currency())) {
            log.warn("Order {} was paid in {}, earnings are kept in {}", delivered.orderId(), delivered.currency(),
                    currency);
        }
        Earning earning = rates.earningFor(delivered.orderId(), eventId, delivered.driverId(), delivered.customerId(),
                delivered.vendorId(), deliveredAt, delivered.distanceMeters(), delivered.tipMinor(),
                delivered.currency());
        if (earnings.record(earning)) {
            log.info("Earnings booked orderId={} driverId={} totalMinor={}", delivered.orderId(),
                    delivered.driverId(), earning.totalMinor());
        } else {
            log.info("Earnings of order {} were booked before, not again", delivered.orderId());
        }
    }
}
