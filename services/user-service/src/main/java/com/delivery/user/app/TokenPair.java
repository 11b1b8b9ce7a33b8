package com.delivery.user.app;

import java.util.UUID;

public record TokenPair(String accessToken, long expiresIn, String refreshToken, UUID userId, String role) {
}
