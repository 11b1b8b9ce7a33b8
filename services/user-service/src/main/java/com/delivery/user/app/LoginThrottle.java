package com.delivery.user.app;

import java.time.Duration;
import java.util.Optional;

/** Counts failed logins per account and per address; while blocked, login answers 429. */
public interface LoginThrottle {

    /** How long until another attempt is allowed, if the caller is blocked now. */
    Optional<Duration> blockedFor(String email, String clientIp);

    void recordFailure(String email, String clientIp);

    void reset(String email);
}
