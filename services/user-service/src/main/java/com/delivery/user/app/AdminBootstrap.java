package com.delivery.user.app;

import com.delivery.kit.security.Role;
import com.delivery.user.domain.User;
import com.delivery.user.domain.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first admin from configuration, once; admins cannot register themselves. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserProperties properties;
    private final Users users;
    private final RegistrationService registration;

    AdminBootstrap(UserProperties properties, Users users, RegistrationService registration) {
        this.properties = properties;
        this.users = users;
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin.email() == null || admin.email().isBlank() || admin.password() == null || admin.password().isBlank()) {
            return;
        }
        if (users.existsByEmail(User.normalizeEmail(admin.email()))) {
            return;
        }
        User created = registration.create(new RegistrationService.NewAccount(admin.email(), admin.password(),
                "Platform admin", null, Role.ADMIN, "en"));
        log.info("Bootstrap admin created userId={}", created.id());
    }
}
