package com.delivery.notification.app;

import com.delivery.kit.web.ApiException;
import com.delivery.notification.domain.DeviceToken;
import com.delivery.notification.domain.DeviceTokens;
import com.delivery.notification.domain.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's devices: the FCM tokens their apps registered. */
@Service
public class DeviceRegistry {

    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

    private final DeviceTokens tokens;
    private final Clock clock;

    DeviceRegistry(DeviceTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Registers (or refreshes) a token for the user. A token already registered by someone else moves to this user:
     * a token stands for an app install, and the device now belongs to whoever logged in last.
     */
    @Transactional
    public DeviceToken register(UUID userId, String token, Platform platform) {
        Instant now = clock.instant();
        return tokens.findById(token).map(existing -> {
            if (!existing.belongsTo(userId)) {
                log.info("Push token moves from userId={} to userId={}", existing.userId(), userId);
            }
            existing.registeredAgain(userId, platform, now);
            return existing;
        }).orElseGet(() -> {
            log.info("Push token registered userId={} platform={}", userId, platform);
            return tokens.save(new DeviceToken(token, userId, platform, now));
        });
    }

    /** Removes one of the user's tokens; someone else's token is as unknown as a token that does not exist. */
    @Transactional
    public void remove(UUID userId, String token) {
        DeviceToken found = tokens.findById(token).filter(t -> t.belongsTo(userId))
                .orElseThrow(() -> ApiException.notFound("Device", "with this token"));
        tokens.delete(found);
        log.info("Push token removed userId={}", userId);
    }

    @Transactional(readOnly = true)
    public List<DeviceToken> devicesOf(UUID userId) {
        return tokens.findByUserIdOrderByRegisteredAt(userId);
    }
}
