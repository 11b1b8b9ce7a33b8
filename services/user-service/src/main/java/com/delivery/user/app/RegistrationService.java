package com.delivery.user.app;

import com.delivery.events.UserRegistered;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.user.domain.PasswordPolicy;
import com.delivery.user.domain.User;
import com.delivery.user.domain.Users;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final Users users;
    private final PasswordEncoder passwords;
    private final OutboxWriter outbox;
    private final Clock clock;

    RegistrationService(Users users, PasswordEncoder passwords, OutboxWriter outbox, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewAccount(String email, String password, String fullName, String phone, Role role, String locale) {
    }

    /** Self-service sign-up: customers, vendors and drivers. Admins are never created this way. */
    @Transactional
    public User register(NewAccount account) {
        if (account.role() == Role.ADMIN) {
            throw ApiException.forbidden("Admin accounts cannot be registered");
        }
        return create(account);
    }

    @Transactional
    public User create(NewAccount account) {
        List<String> problems = PasswordPolicy.problems(account.password(), account.email());
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("weak-password", "The password " + String.join(", ", problems));
        }
        String email = User.normalizeEmail(account.email());
        if (users.existsByEmail(email)) {
            throw ApiException.conflict("email-taken", "An account with this email already exists");
        }
        User user = new User(UUID.randomUUID(), email, passwords.encode(account.password()), account.fullName().trim(),
                account.phone(), account.role(), account.locale(), clock.instant());
        try {
            users.save(user);
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("email-taken", "An account with this email already exists");
        }
        outbox.append(new UserRegistered(user.id(), user.email(), user.phone(), user.fullName(), user.role().name(),
                user.locale()));
        log.info("User registered userId={} role={}", user.id(), user.role());
        return user;
    }
}
