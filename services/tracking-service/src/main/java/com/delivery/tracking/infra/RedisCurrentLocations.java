package com.delivery.tracking.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.tracking.app.CurrentLocations;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.geo.Circle;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.GeoResults;
import org.springframework.data.geo.Metrics;
import org.springframework.data.geo.Point;
import org.springframework.data.redis.connection.RedisGeoCommands;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.domain.geo.GeoReference;
import org.springframework.data.redis.domain.geo.GeoShape;
import org.springframework.stereotype.Repository;

/**
 * Current locations in Redis: a hash per driver ({@code tracking:driver:<id>:location}, expiring after
 * {@code tracking.location-ttl}) and a GEO set of all drivers for nearby search. Redis GEO members cannot expire,
 * so a member whose hash has expired is pruned when a search meets it.
 * <p>
 * Only Redis knows where drivers are now, so there is nothing to fall back to: through the {@link RedisGuard} as
 * required, a read or a report while Redis is away is answered with 503 and Retry-After at once.
 */
@Repository
class RedisCurrentLocations implements CurrentLocations {

    static final String GEO_KEY = "tracking:drivers:geo";
    static final String USE = "live-location";

    /** Replaces the hash only if the new fix is newer; refreshes the TTL and the GEO member. */
    private static final RedisScript<Long> SAVE_IF_NEWER = new DefaultRedisScript<>("""
            local current = redis.call('HGET', KEYS[1], 'ts')
            if current and tonumber(current) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 5))
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[4], ARGV[6])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;

    RedisCurrentLocations(StringRedisTemplate redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    static String key(UUID driverId) {
        return "tracking:driver:" + driverId + ":location";
    }

    @Override
    public Optional<LocationFix> find(UUID driverId) {
        return guard.required(USE, () -> read(driverId));
    }

    private Optional<LocationFix> read(UUID driverId) {
        Map<Object, Object> hash = redis.opsForHash().entries(key(driverId));
        return hash.isEmpty() ? Optional.empty() : Optional.of(toFix(hash));
    }

    @Override
    public boolean saveIfNewer(LocationFix fix, Duration ttl) {
        Map<String, String> fields = new LinkedHashMap<>();
        // driverId first: the script uses ARGV[6] (its value) as the GEO member
        fields.put("driverId", fix.driverId().toString());
        fields.put("lat", Double.toString(fix.lat()));
        fields.put("lng", Double.toString(fix.lng()));
        fields.put("ts", Long.toString(fix.recordedAt().toEpochMilli()));
        fields.put("receivedAt", Long.toString(fix.receivedAt().toEpochMilli()));
        putIfPresent(fields, "orderId", fix.orderId());
        putIfPresent(fields, "heading", fix.heading());
        putIfPresent(fields, "speed", fix.speed());
        putIfPresent(fields, "accuracy", fix.accuracy());
        List<String> args = new ArrayList<>();
        args.add(Long.toString(fix.recordedAt().toEpochMilli()));
        args.add(Long.toString(Math.max(1, ttl.toMillis())));
        args.add(Double.toString(fix.lng()));
        args.add(Double.toString(fix.lat()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        Long saved = guard.required(USE,
                () -> redis.execute(SAVE_IF_NEWER, List.of(key(fix.driverId()), GEO_KEY), args.toArray()));
        return saved != null && saved == 1L;
    }

    @Override
    public List<LocationFix> near(Position center, double radiusMeters, int limit) {
        return guard.required(USE, () -> search(center, radiusMeters, limit));
    }

    private List<LocationFix> search(Position center, double radiusMeters, int limit) {
        GeoResults<RedisGeoCommands.GeoLocation<String>> results = redis.opsForGeo().search(GEO_KEY,
                GeoReference.fromCoordinate(new Point(center.lng(), center.lat())),
                GeoShape.byRadius(new Distance(radiusMeters / 1000.0, Metrics.KILOMETERS)),
                RedisGeoCommands.GeoSearchCommandArgs.newGeoSearchArgs().sortAscending().limit(limit * 2L));
        List<LocationFix> found = new ArrayList<>();
        if (results == null) {
            return found;
        }
        for (var result : results) {
            String member = result.getContent().getName();
            Optional<LocationFix> fix = read(UUID.fromString(member));
            if (fix.isEmpty()) {
                redis.opsForGeo().remove(GEO_KEY, member); // its location expired: the driver went silent
            } else if (found.size() < limit) {
                found.add(fix.get());
            }
        }
        return found;
    }

    private static void putIfPresent(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    private static LocationFix toFix(Map<Object, Object> hash) {
        return new LocationFix(UUID.fromString(text(hash, "driverId")),
                hash.containsKey("orderId") ? UUID.fromString(text(hash, "orderId")) : null,
                new Position(Double.parseDouble(text(hash, "lat")), Double.parseDouble(text(hash, "lng"))),
                number(hash, "heading"), number(hash, "speed"), number(hash, "accuracy"),
                Instant.ofEpochMilli(Long.parseLong(text(hash, "ts"))),
                Instant.ofEpochMilli(Long.parseLong(text(hash, "receivedAt"))));
    }

    private static String text(Map<Object, Object> hash, String field) {
        return String.valueOf(hash.get(field));
    }

    private static Double number(Map<Object, Object> hash, String field) {
        Object value = hash.get(field);
        return value == null ? null : Double.valueOf(value.toString());
    }
}
