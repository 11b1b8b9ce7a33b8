package com.delivery.user.app;

import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.user.domain.RefreshTokens;
import com.delivery.user.domain.User;
import com.delivery.user.domain.UserStatus;
import com.delivery.user.domain.Users;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an admin does with accounts: find them, suspend and reactivate them, count them. */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    UserAdministration(Users users, RefreshTokens refreshTokens, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public record Page(List<User> users, long total) {
    }

    @Transactional(readOnly = true)
    public Page search(String query, Role role, UserStatus status, int page, int size) {
        return new Page(users.search(query, role, status, page, size), users.count(query, role, status));
    }

    @Transactional
    public User suspend(UUID userId, UUID adminId) {
        if (userId.equals(adminId)) {
            throw ApiException.conflict("cannot-suspend-self", "Admins cannot suspend themselves");
        }
        User user = users.findById(userId).orElseThrow(() -> ApiException.notFound("User", userId));
        user.suspend(clock.instant());
        users.save(user);
        int revoked = refreshTokens.revokeAllOfUser(userId, clock.instant());
        log.info("User suspended userId={} by={} refreshTokensRevoked={}", userId, adminId, revoked);
        return user;
    }

    @Transactional
    public User reactivate(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.notFound("User", userId));
        user.reactivate(clock.instant());
        return users.save(user);
    }

    @Transactional(readOnly = true)
    public Map<Role, Long> countByRole() {
        return users.countByRole();
    }
}
