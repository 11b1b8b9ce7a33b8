package com.delivery.order.app;

import java.util.List;

/** The vendor (or a category rule) cannot take the order as asked; each problem is a sentence for the customer. */
public class OrderNotPlaceableException extends RuntimeException {

    private final List<String> problems;

    public OrderNotPlaceableException(List<String> problems) {
        super("The order cannot be placed: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
