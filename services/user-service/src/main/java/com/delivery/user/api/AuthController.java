package com.delivery.user.api;

import com.delivery.kit.ratelimit.ClientAddress;
import com.delivery.kit.security.Role;
import com.delivery.user.app.AuthenticationService;
import com.delivery.user.app.RegistrationService;
import com.delivery.user.app.TokenPair;
import com.delivery.user.domain.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final RegistrationService registration;
    private final AuthenticationService authentication;

    AuthController(RegistrationService registration, AuthenticationService authentication) {
        this.registration = registration;
        this.authentication = authentication;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank String password,
            @NotBlank @Size(max = 120) String fullName,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be in E.164 form, e.g. +4915112345678") String phone,
            @NotNull Role role,
            @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-DE") String locale) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, String userId,
            String role) {
        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresIn(), pair.refreshToken(),
                    pair.userId().toString(), pair.role());
        }
    }

    @PostMapping("/register")
    @Operation(summary = "Create an account (customer, vendor or driver)")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        User user = registration.register(new RegistrationService.NewAccount(request.email(), request.password(),
                request.fullName(), request.phone(), request.role(), request.locale()));
        return ResponseEntity.created(URI.create("/api/v1/users/me")).body(UserResponse.of(user));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for an access token and a refresh token")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(authentication.login(request.email(), request.password(), ClientAddress.of(http)));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token: the old one stops working, reusing it revokes the whole chain")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(authentication.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the refresh token's chain")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        authentication.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
