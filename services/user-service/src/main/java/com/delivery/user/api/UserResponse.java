package com.delivery.user.api;

import com.delivery.user.domain.User;
import java.time.Instant;
import java.util.UUID;

record UserResponse(UUID id, String email, String fullName, String phone, String role, String status, String locale,
        Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email(), user.fullName(), user.phone(), user.role().name(),
                user.status().name(), user.locale(), user.createdAt());
    }
}
