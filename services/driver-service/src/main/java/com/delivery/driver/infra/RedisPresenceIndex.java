package com.delivery.driver.infra;

import com.delivery.driver.app.DriverProperties;
import com.delivery.driver.app.PresenceIndex;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.InvalidDriverInputException;
import com.delivery.kit.resilience.RedisGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.GeoResult;
import org.springframework.data.geo.GeoResults;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoLocation;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoSearchCommandArgs;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.domain.geo.GeoReference;
import org.springframework.stereotype.Component;

/**
 * Online drivers in Redis: their positions in the GEO set {@code drivers:geo}, a heartbeat key per driver
 * ({@code drivers:heartbeat:<id>}, value = last sign of life in epoch ms, expiring after the heartbeat TTL) and the
 * last sign of life of every indexed driver in the hash {@code drivers:seen} (kept until pruned, so a pruned shift can
 * end at the right time even after its heartbeat key expired).
 *
 * <p>GEO members cannot expire one by one, so a member counts only while its heartbeat is fresh: searches filter
 * on it, and {@link #evictStale} removes lapsed members. Each write that touches several keys is one Lua script, so
 * a refresh racing an eviction leaves either a fresh member or none. (The keys are not hash-tagged: Redis Cluster
 * would need {@code {drivers}} tags.)
 *
 * <p>Only Redis knows who is online and where, so without it there is nothing to fall back to: every operation goes
 * through the {@link RedisGuard} as required, which answers a request with 503 and Retry-After at once while Redis
 * is away (going online or offline then changes nothing: the transaction around it is rolled back).
 */
@Component
class RedisPresenceIndex implements PresenceIndex {

    static final String GEO = "drivers:geo";
    static final String SEEN = "drivers:seen";
    static final String HEARTBEAT_PREFIX = "drivers:heartbeat:";
    static final String USE = "driver-presence";

    /** KEYS heartbeat, geo, seen; ARGV ttlMs, seenMs, lng, lat, member, mustBeOnline, nowMs, pxMs. */
    private static final RedisScript<Long> REFRESH = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current and (tonumber(ARGV[7]) - tonumber(current)) >= tonumber(ARGV[1]) then current = false end
            if ARGV[6] == '1' then
              if not current then return 0 end
              if tonumber(current) > tonumber(ARGV[2]) then return 2 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[8])
            redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[4], ARGV[5])
            redis.call('HSET', KEYS[3], ARGV[5], ARGV[2])
            return 1
            """, Long.class);

    /** KEYS heartbeat, geo, seen; ARGV member. */
    private static final RedisScript<Long> OFFLINE = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            return redis.call('ZREM', KEYS[2], ARGV[1])
            """, Long.class);

    /** KEYS heartbeat, geo, seen; ARGV member, nowMs, ttlMs. Returns nil if fresh, else last seen ms ('0' unknown). */
    private static final RedisScript<String> EVICT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current and (tonumber(ARGV[2]) - tonumber(current)) < tonumber(ARGV[3]) then return nil end
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            local seen = redis.call('HGET', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            if seen then return seen end
            return '0'
            """, String.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final Duration ttl;

    RedisPresenceIndex(StringRedisTemplate redis, RedisGuard guard, DriverProperties properties) {
        this.redis = redis;
        this.guard = guard;
        this.ttl = properties.presence().heartbeatTtl();
    }

    @Override
    public void markOnline(UUID driverId, GeoPosition at, Instant seenAt) {
        write(driverId, at, seenAt, seenAt, false);
    }

    @Override
    public Refresh refresh(UUID driverId, GeoPosition at, Instant seenAt, Instant now) {
        long result = write(driverId, at, seenAt, now, true);
        return result == 1 ? Refresh.REFRESHED : result == 2 ? Refresh.OUTDATED : Refresh.NOT_ONLINE;
    }

    private long write(UUID driverId, GeoPosition at, Instant seenAt, Instant now, boolean mustBeOnline) {
        if (!at.indexable()) {
            throw new InvalidDriverInputException("lat", "lat must be between -" + GeoPosition.MAX_INDEXED_LATITUDE
                    + " and " + GeoPosition.MAX_INDEXED_LATITUDE + ": drivers cannot be located in the polar regions");
        }
        long remaining = Math.max(1, ttl.toMillis() - Math.max(0, now.toEpochMilli() - seenAt.toEpochMilli()));
        Long result = guard.required(USE, () -> redis.execute(REFRESH, keys(driverId), String.valueOf(ttl.toMillis()),
                String.valueOf(seenAt.toEpochMilli()), String.valueOf(at.lng()), String.valueOf(at.lat()),
                driverId.toString(), mustBeOnline ? "1" : "0", String.valueOf(now.toEpochMilli()),
                String.valueOf(remaining)));
        return result == null ? 0 : result;
    }

    @Override
    public void markOffline(UUID driverId) {
        guard.requiredRun(USE, () -> redis.execute(OFFLINE, keys(driverId), driverId.toString()));
    }

    @Override
    public List<Sighting> near(GeoPosition center, double radiusKm, int limit, Instant now) {
        if (!center.indexable()) {
            return List.of(); // nobody can be indexed there (and Redis would refuse the search)
        }
        return guard.required(USE, () -> search(center, radiusKm, limit, now));
    }

    private List<Sighting> search(GeoPosition center, double radiusKm, int limit, Instant now) {
        GeoResults<GeoLocation<String>> results = redis.opsForGeo().search(GEO,
                GeoReference.fromCoordinate(center.lng(), center.lat()), new Distance(radiusKm, Metrics.KILOMETERS),
                GeoSearchCommandArgs.newGeoSearchArgs().includeDistance().includeCoordinates().sortAscending()
                        .limit(limit));
        if (results == null || results.getContent().isEmpty()) {
            return List.of();
        }
        List<GeoResult<GeoLocation<String>>> hits = results.getContent();
        List<String> heartbeats = redis.opsForValue().multiGet(
                hits.stream().map(hit -> HEARTBEAT_PREFIX + hit.getContent().getName()).toList());
        List<Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            GeoLocation<String> location = hits.get(i).getContent();
            UUID driverId = parse(location.getName());
            if (driverId != null && fresh(heartbeats == null ? null : heartbeats.get(i), now)) {
                Point point = location.getPoint();
                sightings.add(new Sighting(driverId, hits.get(i).getDistance().getValue() * 1000,
                        new GeoPosition(point.getY(), point.getX())));
            }
        }
        return sightings;
    }

    @Override
    public Set<UUID> freshDrivers(Instant now) {
        return guard.required(USE, () -> freshAmongMembers(now));
    }

    private Set<UUID> freshAmongMembers(Instant now) {
        List<String> members = members();
        Set<UUID> fresh = new HashSet<>();
        if (members.isEmpty()) {
            return fresh;
        }
        List<String> heartbeats = redis.opsForValue().multiGet(members.stream().map(m -> HEARTBEAT_PREFIX + m).toList());
        for (int i = 0; i < members.size(); i++) {
            UUID driverId = parse(members.get(i));
            if (driverId != null && fresh(heartbeats == null ? null : heartbeats.get(i), now)) {
                fresh.add(driverId);
            }
        }
        return fresh;
    }

    @Override
    public boolean isFresh(UUID driverId, Instant now) {
        return fresh(guard.required(USE, () -> redis.opsForValue().get(HEARTBEAT_PREFIX + driverId)), now);
    }

    @Override
    public List<Eviction> evictStale(Instant now) {
        return guard.required(USE, () -> evictLapsed(now));
    }

    private List<Eviction> evictLapsed(Instant now) {
        List<String> members = members();
        if (members.isEmpty()) {
            return List.of();
        }
        List<String> heartbeats = redis.opsForValue().multiGet(members.stream().map(m -> HEARTBEAT_PREFIX + m).toList());
        List<Eviction> evicted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (fresh(heartbeats == null ? null : heartbeats.get(i), now)) {
                continue;
            }
            String member = members.get(i);
            String lastSeen = redis.execute(EVICT, List.of(HEARTBEAT_PREFIX + member, GEO, SEEN), member,
                    String.valueOf(now.toEpochMilli()), String.valueOf(ttl.toMillis()));
            UUID driverId = parse(member);
            if (lastSeen != null && driverId != null) {
                long millis = Long.parseLong(lastSeen);
                evicted.add(new Eviction(driverId, millis > 0 ? Optional.of(Instant.ofEpochMilli(millis))
                        : Optional.empty()));
            }
        }
        return evicted;
    }

    private List<String> members() {
        Set<String> members = redis.opsForZSet().range(GEO, 0, -1);
        return members == null ? List.of() : new ArrayList<>(members);
    }

    private boolean fresh(String heartbeat, Instant now) {
        if (heartbeat == null) {
            return false;
        }
        try {
            return now.toEpochMilli() - Long.parseLong(heartbeat) < ttl.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> keys(UUID driverId) {
        return List.of(HEARTBEAT_PREFIX + driverId, GEO, SEEN);
    }

    private static UUID parse(String member) {
        try {
            return UUID.fromString(member);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
