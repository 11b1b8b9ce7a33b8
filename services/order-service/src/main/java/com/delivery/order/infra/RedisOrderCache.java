package com.delivery.order.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.order.app.OrderCache;
import com.delivery.order.app.OrderChanged;
import com.delivery.order.app.OrderProperties;
import com.delivery.order.app.OrderView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order reads cached in Redis as JSON for {@code order.cache-ttl} (5 minutes). Each change evicts the entry after
 * its commit and remembers the order's newest version, so a reader that loaded the order just before the change
 * cannot put the old state back (its write is refused by version).
 * <p>
 * Redis trouble never fails a read or a change, nor makes it wait: through the {@link RedisGuard} a read without
 * Redis is a cache miss (the database answers) and a fill is skipped. An eviction that could not be made is
 * remembered here and made as soon as Redis answers again, before this instance reads the cache again: otherwise
 * the entry cached before the change would be served for the rest of its TTL once Redis is back (the
 * {@code order.cache.evictions_lost} counter says when more were missed than this remembers).
 */
@Component
class RedisOrderCache implements OrderCache {

    static final String USE = "order-cache";
    /** Orders changed while Redis was away that one instance remembers; beyond, their entries expire by TTL. */
    static final int MAX_MISSED_EVICTIONS = 10_000;
    private static final int EVICTIONS_MADE_PER_CALL = 50;

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
    private final RedisGuard guard;
    private final JsonMapper json;
    private final Duration ttl;
    /** order id → newest version whose eviction is still to be made */
    private final Map<UUID, Long> missedEvictions = new ConcurrentHashMap<>();
    private final Counter evictionsLost;

    RedisOrderCache(StringRedisTemplate redis, RedisGuard guard, JsonMapper json, OrderProperties properties,
            MeterRegistry meters) {
        this.redis = redis;
        this.guard = guard;
        this.json = json;
        this.ttl = properties.cacheTtl();
        this.evictionsLost = Counter.builder("order.cache.evictions_lost")
                .description("Order cache evictions missed while Redis was away and not remembered for later")
                .register(meters);
    }

    @Override
    public Optional<OrderView> get(UUID orderId) {
        makeMissedEvictions();
        if (missedEvictions.containsKey(orderId)) {
            return Optional.empty(); // its cached entry may predate a change
        }
        String cached = guard.withFallback(USE, () -> redis.opsForValue().get(viewKey(orderId)), () -> null);
        if (cached == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, OrderView.class));
        } catch (JacksonException e) {
            log.warn("Unreadable order cache entry orderId={}, reading the database: {}", orderId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(OrderView view) {
        if (missedEvictions.containsKey(view.id())) {
            return;
        }
        String entry;
        try {
            entry = json.writeValueAsString(view);
        } catch (JacksonException e) {
            log.warn("Order view not cached orderId={}: {}", view.id(), e.toString());
            return;
        }
        guard.bestEffort(USE, () -> redis.execute(PUT_IF_NOT_STALE, List.of(viewKey(view.id()), versionKey(view.id())),
                entry, String.valueOf(view.version()), String.valueOf(ttl.toMillis())));
    }

    @Override
    public void evict(UUID orderId, long version) {
        if (!tryEvict(orderId, version)) {
            remember(orderId, version);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(OrderChanged changed) {
        evict(changed.orderId(), changed.version());
    }

    private boolean tryEvict(UUID orderId, long version) {
        return guard.bestEffort(USE, () -> redis.execute(EVICT, List.of(viewKey(orderId), versionKey(orderId)),
                String.valueOf(version), String.valueOf(ttl.multipliedBy(2).toMillis())));
    }

    private void remember(UUID orderId, long version) {
        if (missedEvictions.size() >= MAX_MISSED_EVICTIONS && !missedEvictions.containsKey(orderId)) {
            evictionsLost.increment();
            log.warn("Order cache eviction missed orderId={}, and too many to remember: the entry expires within {}",
                    orderId, ttl);
            return;
        }
        missedEvictions.merge(orderId, version, Math::max);
    }

    /**
     * Once Redis answers, the evictions it missed first, a few per call so that no request carries them all; stops
     * at the first that still cannot be made (while Redis cools down the guard skips it at once).
     */
    private void makeMissedEvictions() {
        if (missedEvictions.isEmpty()) {
            return;
        }
        int made = 0;
        for (Map.Entry<UUID, Long> missed : missedEvictions.entrySet()) {
            if (made == EVICTIONS_MADE_PER_CALL || !tryEvict(missed.getKey(), missed.getValue())) {
                return;
            }
            missedEvictions.remove(missed.getKey(), missed.getValue());
            made++;
        }
        if (made > 0 && missedEvictions.isEmpty()) {
            log.info("Order cache: the evictions missed while Redis was away are all made");
        }
    }

    static String viewKey(UUID orderId) {
        return "order:view:" + orderId;
    }

    static String versionKey(UUID orderId) {
        return "order:version:" + orderId;
    }
}
