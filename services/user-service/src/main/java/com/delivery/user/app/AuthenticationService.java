package com.delivery.user.app;

import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.TooManyRequestsException;
import com.delivery.user.domain.LoginThrottlePolicy;
import com.delivery.user.domain.RefreshToken;
import com.delivery.user.domain.RefreshTokens;
import com.delivery.user.domain.User;
import com.delivery.user.domain.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login, refresh-token rotation with reuse detection, logout. */
@Service
public class AuthenticationService {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final LoginThrottlePolicy policy;
    private final Clock clock;
    private final Duration refreshTtl;
    /** Compared against when the email is unknown, so both failures take the same time. */
    private final String decoyHash;

    AuthenticationService(Users users, RefreshTokens refreshTokens, PasswordEncoder passwords,
            AccessTokens accessTokens, LoginThrottle throttle, Clock clock, UserProperties properties) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.policy = properties.login().policy();
        this.clock = clock;
        this.refreshTtl = properties.jwt().refreshTokenTtl();
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Checks the password unless the throttle says to wait ({@link LoginThrottlePolicy}): then 429 with Retry-After,
     * whether the password is right or not, so waiting is the only way to guess faster.
     *
     * @param clientAddress the caller as the kit sees it (the real client behind a trusted proxy)
     */
    @Transactional
    public TokenPair login(String email, String password, String clientAddress) {
        String normalized = User.normalizeEmail(email);
        try (LoginThrottle.Attempt attempt = throttle.begin(normalized, clientAddress)) {
            LoginThrottlePolicy.Verdict verdict = policy.assess(attempt.history(), clock.instant());
            if (verdict instanceof LoginThrottlePolicy.Proceed proceed && !proceed.exclusive().isEmpty()) {
                if (!attempt.claim(proceed.exclusive())) {
                    throw attemptInProgress();
                }
                verdict = policy.assess(attempt.history(), clock.instant());
                if (verdict instanceof LoginThrottlePolicy.Proceed again
                        && !proceed.exclusive().containsAll(again.exclusive())) {
                    throw attemptInProgress();
                }
            }
            if (verdict instanceof LoginThrottlePolicy.Wait wait) {
                log.info("Login throttled from {} ({} counter) for {} s", clientAddress, wait.scope(),
                        wait.retryAfterSeconds());
                throw new TooManyRequestsException("Too many failed logins; try again later",
                        Duration.ofSeconds(wait.retryAfterSeconds()));
            }
            Optional<User> user = users.findByEmail(normalized);
            boolean passwordMatches = passwords.matches(password, user.map(User::passwordHash).orElse(decoyHash));
            if (user.isEmpty() || !passwordMatches) {
                attempt.failed();
                log.info("Login refused from {}", clientAddress);
                throw invalidCredentials();
            }
            if (!user.get().isActive()) {
                throw ApiException.forbidden("This account is suspended");
            }
            attempt.succeeded();
            return issue(user.get(), UUID.randomUUID());
        }
    }

    @Transactional(noRollbackFor = ApiException.class)
    public TokenPair refresh(String presentedToken) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByTokenHash(hash(presentedToken))
                .orElseThrow(AuthenticationService::invalidRefreshToken);
        if (token.isReused()) {
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            log.warn("Refresh token reuse detected userId={} family={} revoked={}", token.userId(), token.familyId(), revoked);
            throw invalidRefreshToken();
        }
        if (token.isExpired(now)) {
            throw invalidRefreshToken();
        }
        token.markUsed(now);
        User user = users.findById(token.userId()).filter(User::isActive)
                .orElseThrow(AuthenticationService::invalidRefreshToken);
        return issue(user, token.familyId());
    }

    @Transactional
    public void logout(String presentedToken) {
        refreshTokens.findByTokenHash(hash(presentedToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    private TokenPair issue(User user, UUID familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.save(new RefreshToken(UUID.randomUUID(), user.id(), familyId, hash(refresh),
                clock.instant().plus(refreshTtl)));
        return new TokenPair(accessTokens.issue(user), accessTokens.ttlSeconds(), refresh, user.id(),
                user.role().name());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another attempt for the same account (from this address, or while it is under attack) is being checked. */
    private static TooManyRequestsException attemptInProgress() {
        return new TooManyRequestsException("Another login attempt for this account is in progress; try again",
                Duration.ofSeconds(1));
    }

    private static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Email or password is wrong");
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                "The refresh token is not valid; log in again");
    }
}
