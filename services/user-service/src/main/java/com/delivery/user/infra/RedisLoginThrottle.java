package com.delivery.user.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.user.app.LoginThrottle;
import com.delivery.user.app.UserProperties;
import com.delivery.user.domain.LoginThrottlePolicy.Failures;
import com.delivery.user.domain.LoginThrottlePolicy.History;
import com.delivery.user.domain.LoginThrottlePolicy.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The login throttle's memory in Redis, shared by every instance; one script (one round trip, atomic) per step.
 * Keys (the account is the SHA-256 of the normalized e-mail, so no address book sits in Redis):
 * <ul>
 *   <li>{@code login:fail:pair:<account>:<address>}, {@code login:fail:account:<account>},
 *       {@code login:fail:address:<address>}: hashes {@code n} (failures) and {@code t} (last failure, epoch ms).
 *       Pair and account expire {@code failure-window} after their last failure; the address counter
 *       {@code failure-window} after its first (a rate, so a big NAT's occasional typos never add up).</li>
 *   <li>{@code login:known:<account>:<address>}: the address logged into the account within {@code known-address-ttl}.</li>
 *   <li>{@code login:claim:<scope>:...}: held by one attempt while it checks a password (token; expires after
 *       {@link #CLAIM_HOLD} should the instance die meanwhile).</li>
 * </ul>
 * <p>
 * <b>Without Redis, logins are not throttled</b> (fail open): the attempt proceeds as if nothing were remembered,
 * and what it would have recorded is lost. Refusing every login for as long as Redis is away would lock all users
 * out of the platform, while the throttle only slows down password guessing, which the cost of the password hash
 * and the rate limits of the ingress still bound meanwhile. Each such login counts in
 * {@code login_throttle_fail_open_total}, and the {@link RedisGuard} logs the outage (one WARN every few seconds),
 * so an attack during an outage is visible. Redis is called through the guard, so an outage costs a login at most
 * one command timeout, and nothing during the cool-down after a failure.
 */
@Component
class RedisLoginThrottle implements LoginThrottle {

    static final Duration CLAIM_HOLD = Duration.ofSeconds(10);
    static final String USE = "login-throttle";

    private static final String READ = """
            local function counter(key)
              local v = redis.call('HMGET', key, 'n', 't')
              return (v[1] or '') .. ',' .. (v[2] or '')
            end
            local function history()
              return counter(KEYS[1]) .. ',' .. counter(KEYS[2]) .. ',' .. counter(KEYS[3]) .. ','
                  .. redis.call('EXISTS', KEYS[4])
            end
            """;

    /** KEYS: pair, account, address, known. */
    private static final RedisScript<String> HISTORY = RedisScript.of(READ + "return history()", String.class);

    /** KEYS: pair, account, address, known, claims...; ARGV: token, hold ms. All claims or none (nil). */
    private static final RedisScript<String> CLAIM = RedisScript.of(READ + """
            for i = 5, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then return false end
            end
            for i = 5, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
            return history()
            """, String.class);

    private static final String RELEASE_FROM = """
            local function release(from)
              for i = from, #KEYS do
                if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
              end
            end
            """;

    /** KEYS: pair, account, address, claims...; ARGV: token, now ms, window ms. */
    private static final RedisScript<Long> FAILED = RedisScript.of(RELEASE_FROM + """
            for i = 1, 3 do
              redis.call('HINCRBY', KEYS[i], 'n', 1)
              redis.call('HSET', KEYS[i], 't', ARGV[2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            if redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
            release(4)
            return 1
            """, Long.class);

    /** KEYS: pair, known, claims...; ARGV: token, known ttl ms. */
    private static final RedisScript<Long> SUCCEEDED = RedisScript.of(RELEASE_FROM + """
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            release(3)
            return 1
            """, Long.class);

    /** KEYS: claims...; ARGV: token. */
    private static final RedisScript<Long> RELEASE = RedisScript.of(RELEASE_FROM + "release(1) return 1", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final Clock clock;
    private final Duration failureWindow;
    private final Duration knownAddressTtl;
    private final Counter unthrottled;

    RedisLoginThrottle(StringRedisTemplate redis, RedisGuard guard, Clock clock, UserProperties properties,
            MeterRegistry meters) {
        this.redis = redis;
        this.guard = guard;
        this.clock = clock;
        this.failureWindow = properties.login().failureWindow();
        this.knownAddressTtl = properties.login().knownAddressTtl();
        this.unthrottled = Counter.builder("login.throttle.fail_open")
                .description("Login attempts that went unthrottled because Redis could not be asked")
                .register(meters);
    }

    @Override
    public Attempt begin(String account, String address) {
        Keys keys = new Keys(accountId(account), address);
        String history = guard.withFallback(USE, () -> redis.execute(HISTORY, keys.counters()), () -> null);
        if (history == null) {
            unthrottled.increment();
            return new RedisAttempt(keys, History.NONE, true);
        }
        return new RedisAttempt(keys, parse(history), false);
    }

    private final class RedisAttempt implements Attempt {

        private final Keys keys;
        private final String token = UUID.randomUUID().toString();
        private History history;
        private List<String> claimed = List.of();

        /** Redis could not be asked: this attempt goes unthrottled (see the class comment). */
        private boolean unthrottled;

        RedisAttempt(Keys keys, History history, boolean unthrottled) {
            this.keys = keys;
            this.history = history;
            this.unthrottled = unthrottled;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public boolean claim(Set<Scope> scopes) {
            if (unthrottled) {
                return true;
            }
            List<String> claims = scopes.stream().sorted().map(keys::claim).toList();
            List<String> scriptKeys = new ArrayList<>(keys.counters());
            scriptKeys.addAll(claims);
            Optional<String> fresh = guard.withFallback(USE, () -> Optional.ofNullable(
                    redis.execute(CLAIM, scriptKeys, token, String.valueOf(CLAIM_HOLD.toMillis()))), () -> null);
            if (fresh == null) {
                // fail open; the claims may have been taken before the answer was lost, so release them at the end
                RedisLoginThrottle.this.unthrottled.increment();
                unthrottled = true;
                claimed = claims;
                return true;
            }
            if (fresh.isEmpty()) {
                return false;
            }
            claimed = claims;
            history = parse(fresh.get());
            return true;
        }

        @Override
        public void failed() {
            List<String> scriptKeys = new ArrayList<>(List.of(keys.pair(), keys.account(), keys.address()));
            scriptKeys.addAll(claimed);
            String now = String.valueOf(clock.millis());
            guard.bestEffort(USE, () -> redis.execute(FAILED, scriptKeys, token, now,
                    String.valueOf(failureWindow.toMillis())));
            claimed = List.of();
        }

        @Override
        public void succeeded() {
            List<String> scriptKeys = new ArrayList<>(List.of(keys.pair(), keys.known()));
            scriptKeys.addAll(claimed);
            guard.bestEffort(USE, () -> redis.execute(SUCCEEDED, scriptKeys, token,
                    String.valueOf(knownAddressTtl.toMillis())));
            claimed = List.of();
        }

        @Override
        public void close() {
            if (!claimed.isEmpty()) {
                List<String> held = claimed;
                guard.bestEffort(USE, () -> redis.execute(RELEASE, held, token));
                claimed = List.of();
            }
        }
    }

    /** "n,t,n,t,n,t,known" for pair, account, address; empty fields where nothing is remembered. */
    static History parse(String reply) {
        String[] f = reply.split(",", -1);
        if (f.length != 7) {
            throw new IllegalStateException("unexpected login history from Redis: " + reply);
        }
        return new History(failures(f[0], f[1]), failures(f[2], f[3]), failures(f[4], f[5]), "1".equals(f[6]));
    }

    private static Failures failures(String count, String last) {
        if (count.isEmpty() || last.isEmpty()) {
            return Failures.NONE;
        }
        int n = Integer.parseInt(count);
        return n <= 0 ? Failures.NONE : new Failures(n, Instant.ofEpochMilli(Long.parseLong(last)));
    }

    private static String accountId(String normalizedEmail) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalizedEmail.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Keys(String accountId, String client) {

        String pair() {
            return "login:fail:pair:" + accountId + ":" + client;
        }

        String account() {
            return "login:fail:account:" + accountId;
        }

        String address() {
            return "login:fail:address:" + client;
        }

        String known() {
            return "login:known:" + accountId + ":" + client;
        }

        List<String> counters() {
            return List.of(pair(), account(), address(), known());
        }

        String claim(Scope scope) {
            return switch (scope) {
                case PAIR -> "login:claim:pair:" + accountId + ":" + client;
                case ACCOUNT -> "login:claim:account:" + accountId;
                case ADDRESS -> "login:claim:address:" + client;
            };
        }
    }
}
