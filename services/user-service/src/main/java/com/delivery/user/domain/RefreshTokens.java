package com.delivery.user.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface RefreshTokens {

    RefreshToken save(RefreshToken token);

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    int revokeFamily(UUID familyId, Instant now);

    int revokeAllOfUser(UUID userId, Instant now);
}
