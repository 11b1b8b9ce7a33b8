package com.delivery.order.app;

import java.util.UUID;

/** Published (as a Spring application event) for every change of an order; acted on after commit. */
public record OrderChanged(UUID orderId, long version) {
}
