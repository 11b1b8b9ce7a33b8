package com.delivery.user.app;

import com.delivery.events.UserUpdated;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.web.ApiException;
import com.delivery.user.domain.User;
import com.delivery.user.domain.Users;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProfileService {

    private final Users users;
    private final OutboxWriter outbox;
    private final Clock clock;

    ProfileService(Users users, OutboxWriter outbox, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.notFound("User", userId));
    }

    @Transactional
    public User update(UUID userId, String fullName, String phone, String locale) {
        User user = get(userId);
        user.updateProfile(fullName, phone, locale, clock.instant());
        users.save(user);
        outbox.append(new UserUpdated(user.id(), user.email(), user.phone(), user.fullName(), user.role().name(),
                user.locale()));
        return user;
    }
}
