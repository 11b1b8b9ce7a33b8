package com.delivery.tracking.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.tracking.app.StaleWatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sorted set {@code tracking:stale-watch}: member = order id, score = time of the driver's last fix. Claiming an
 * order is a {@code ZREM}: only the instance whose removal succeeds reports it. Watching happens on a driver's
 * report and is best effort (through the {@link RedisGuard}: without Redis the report itself is refused anyway);
 * forgetting and claiming run in consumers and the scheduled check, which retry, so they fail as they did.
 */
@Component
class RedisStaleWatch implements StaleWatch {

    static final String KEY = "tracking:stale-watch";

    static final String USE = "stale-watch";

    private final StringRedisTemplate redis;
    private final RedisGuard guard;

    RedisStaleWatch(StringRedisTemplate redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    @Override
    public void watch(UUID orderId, Instant lastFixAt) {
        guard.bestEffort(USE, () -> redis.opsForZSet().add(KEY, orderId.toString(), lastFixAt.toEpochMilli()));
    }

    @Override
    public void forget(UUID orderId) {
        redis.opsForZSet().remove(KEY, orderId.toString());
    }

    @Override
    public List<UUID> claimOlderThan(Instant threshold, int max) {
        Set<String> due = redis.opsForZSet().rangeByScore(KEY, Double.NEGATIVE_INFINITY, threshold.toEpochMilli() - 1,
                0, max);
        List<UUID> claimed = new ArrayList<>();
        if (due == null) {
            return claimed;
        }
        for (String member : due) {
            Long removed = redis.opsForZSet().remove(KEY, member);
            if (removed != null && removed == 1L) {
                claimed.add(UUID.fromString(member));
            }
        }
        return claimed;
    }
}
