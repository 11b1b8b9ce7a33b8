package com.delivery.user.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.user.app.UserAdministration;
import com.delivery.user.domain.UserStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: users")
class AdminUserController {

    private final UserAdministration administration;

    AdminUserController(UserAdministration administration) {
        this.administration = administration;
    }

    record UserPage(List<UserResponse> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "List and search users by email or name, role and status")
    UserPage search(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(required = false) UserStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UserAdministration.Page result = administration.search(q, role, status, page, size);
        return new UserPage(result.users().stream().map(UserResponse::of).toList(), page, size, result.total());
    }

    @GetMapping("/stats")
    @Operation(summary = "Users by role")
    Map<Role, Long> stats() {
        return administration.countByRole();
    }

    @PostMapping("/{userId}/suspend")
    @Operation(summary = "Suspend a user: they cannot log in and their refresh tokens stop working")
    UserResponse suspend(@PathVariable UUID userId, CurrentUser admin) {
        return UserResponse.of(administration.suspend(userId, admin.id()));
    }

    @PostMapping("/{userId}/reactivate")
    @Operation(summary = "Let a suspended user log in again")
    UserResponse reactivate(@PathVariable UUID userId) {
        return UserResponse.of(administration.reactivate(userId));
    }
}
