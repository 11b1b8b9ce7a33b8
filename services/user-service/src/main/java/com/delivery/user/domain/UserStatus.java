package com.delivery.user.domain;

public enum UserStatus {
    ACTIVE, SUSPENDED
}
