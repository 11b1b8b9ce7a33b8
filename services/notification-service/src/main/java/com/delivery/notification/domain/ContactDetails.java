package com.delivery.notification.domain;

/** The contact fields of a user.* event. */
public record ContactDetails(String email, String phone, String fullName, String role, String locale) {
}
