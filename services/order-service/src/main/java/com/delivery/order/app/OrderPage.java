package com.delivery.order.app;

import java.util.List;

/** One page of a list, newest first. */
public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
}
