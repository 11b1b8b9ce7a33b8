package com.delivery.driver.domain;

/** What a driver delivers with; events carry it as the upper-case name. */
public enum VehicleType {
    BICYCLE, SCOOTER, MOTORBIKE, CAR, VAN
}
