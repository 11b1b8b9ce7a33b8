package com.delivery.user.domain;

import com.delivery.kit.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The users store, as the use cases need it. */
public interface Users {

    User save(User user);

    Optional<User> findById(UUID id);

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    List<User> search(String query, Role role, UserStatus status, int page, int size);

    long count(String query, Role role, UserStatus status);

    Map<Role, Long> countByRole();
}
