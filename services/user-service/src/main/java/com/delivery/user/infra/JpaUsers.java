package com.delivery.user.infra;

import com.delivery.kit.security.Role;
import com.delivery.user.domain.User;
import com.delivery.user.domain.UserStatus;
import com.delivery.user.domain.Users;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaUsers extends JpaRepository<User, UUID>, Users {

    String SEARCH = """
            FROM User u WHERE (:query IS NULL OR lower(u.email) LIKE lower(concat('%', cast(:query as string), '%'))
                                 OR lower(u.fullName) LIKE lower(concat('%', cast(:query as string), '%')))
              AND (:role IS NULL OR u.role = :role)
              AND (:status IS NULL OR u.status = :status)
            """;

    @Override
    Optional<User> findByEmail(String email);

    @Override
    boolean existsByEmail(String email);

    @Query("SELECT u " + SEARCH + " ORDER BY u.createdAt DESC, u.id")
    List<User> searchPage(@Param("query") String query, @Param("role") Role role, @Param("status") UserStatus status,
            Pageable page);

    @Override
    @Query("SELECT count(u) " + SEARCH)
    long count(@Param("query") String query, @Param("role") Role role, @Param("status") UserStatus status);

    @Query("SELECT u.role, count(u) FROM User u GROUP BY u.role")
    List<Object[]> roleCounts();

    @Override
    default List<User> search(String query, Role role, UserStatus status, int page, int size) {
        return searchPage(query == null || query.isBlank() ? null : query, role, status, PageRequest.of(page, size));
    }

    @Override
    default Map<Role, Long> countByRole() {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, 0L);
        }
        roleCounts().forEach(row -> counts.put((Role) row[0], (Long) row[1]));
        return counts;
    }
}
