package com.delivery.kit.security;

/** The platform's roles; carried in the access token's {@code roles} claim. */
public enum Role {
    CUSTOMER, VENDOR, DRIVER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
