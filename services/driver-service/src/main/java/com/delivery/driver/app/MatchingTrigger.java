package com.delivery.driver.app;

/** Wakes the matching loop so that a new or changed job is handled now rather than at the next tick. */
public interface MatchingTrigger {

    void wakeUp();
}
