package com.delivery.order.domain;

/** What a grocery shopper does when an item is missing. */
public enum Substitution {
    /** pick the closest match at a price no higher than the original */
    SIMILAR_ITEM,
    /** call or message the customer first */
    CONTACT_ME,
    /** leave it out and refund it */
    REFUND_ITEM
}
