package com.delivery.user.app;

import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.TooManyRequestsException;
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
        this.clock = clock;
        this.refreshTtl = properties.jwt().refreshTokenTtl();
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public TokenPair login(String email, String password, String clientIp) {
        String normalized = User.normalizeEmail(email);
        Optional<Duration> blocked = throttle.blockedFor(normalized, clientIp);
        if (blocked.isPresent()) {
            throw new TooManyRequestsException("Too many failed logins; try again later", blocked.get());
        }
        Optional<User> user = users.findByEmail(normalized);
        boolean passwordMatches = passwords.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !passwordMatches) {
            throttle.recordFailure(normalized, clientIp);
            log.info("Login refused from {}", clientIp);
            throw invalidCredentials();
        }
        if (!user.get().isActive()) {
            throw ApiException.forbidden("This account is suspended");
        }
        throttle.reset(normalized);
        return issue(user.get(), UUID.randomUUID());
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

    private static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Email or password is wrong");
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                "The refresh token is not valid; log in again");
    }
}
