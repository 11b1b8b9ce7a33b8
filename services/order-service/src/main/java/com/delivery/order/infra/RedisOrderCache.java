package com.delivery.order.infra;

import com.delivery.order.app.OrderCache;
import com.delivery.order.app.OrderChanged;
import com.delivery.order.app.OrderProperties;
import com.delivery.order.app.OrderView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order reads cached in Redis as JSON for {@code order.cache-ttl} (5 minutes). Each change evicts the entry after
 * its commit and remembers the order's newest version, so a reader that loaded the order just before the change
 * cannot put the old state back (its write is refused by version). Redis trouble never fails a read or a change.
 */
@Component
class RedisOrderCache implements OrderCache {

    private static final Logger log = LoggerFactory.getLogger(RedisOrderCache.class);

    /** Writes the view unless a newer version of the order has been seen. */
    private static final RedisScript<Long> PUT_IF_NOT_STALE = RedisScript.of("""
            local latest = redis.call('GET', KEYS[2])
            if latest and tonumber(latest) > tonumber(ARGV[2]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1
            """, Long.class);

    /** Remembers the newest version and drops the cached view. */
    private static final RedisScript<Long> EVICT = RedisScript.of("""
            local latest = redis.call('GET', KEYS[2])
            if (not latest) or tonumber(latest) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            end
            return redis.call('DEL', KEYS[1])
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    RedisOrderCache(StringRedisTemplate redis, JsonMapper json, OrderProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.cacheTtl();
    }

    @Override
    public Optional<OrderView> get(UUID orderId) {
        try {
            String cached = redis.opsForValue().get(viewKey(orderId));
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached, OrderView.class));
        } catch (RuntimeException e) {
            log.warn("Order cache read failed orderId={}: {}", orderId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(OrderView view) {
        try {
            redis.execute(PUT_IF_NOT_STALE, List.of(viewKey(view.id()), versionKey(view.id())),
                    json.writeValueAsString(view), String.valueOf(view.version()), String.valueOf(ttl.toMillis()));
        } catch (RuntimeException e) {
            log.warn("Order cache write failed orderId={}: {}", view.id(), e.toString());
        }
    }

    @Override
    public void evict(UUID orderId, long version) {
        try {
            redis.execute(EVICT, List.of(viewKey(orderId), versionKey(orderId)), String.valueOf(version),
                    String.valueOf(ttl.multipliedBy(2).toMillis()));
        } catch (RuntimeException e) {
            log.warn("Order cache eviction failed orderId={} (entry expires within {}): {}", orderId, ttl, e.toString());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(OrderChanged changed) {
        evict(changed.orderId(), changed.version());
    }

    static String viewKey(UUID orderId) {
        return "order:view:" + orderId;
    }

    static String versionKey(UUID orderId) {
        return "order:version:" + orderId;
    }
}
