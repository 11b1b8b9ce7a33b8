package com.delivery.user.app;

import com.delivery.user.domain.User;

/** Mints signed access tokens for a user (the signing itself lives in infra). */
public interface AccessTokens {

    String issue(User user);

    long ttlSeconds();
}
