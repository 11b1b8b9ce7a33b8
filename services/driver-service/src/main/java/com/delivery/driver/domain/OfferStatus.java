package com.delivery.driver.domain;

/** An offer waits for the driver ({@code PENDING}) until accepted, declined, expired, or withdrawn (order cancelled). */
public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
