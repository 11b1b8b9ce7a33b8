package com.delivery.user.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user service under {@code user.*}.
 *
 * @param jwt signing key (PEM, PKCS#8) or, in the local and test profiles only, a generated key kept in a file
 * @param login how many failed logins within the window block further attempts
 * @param bootstrapAdmin the first admin, created at start-up when both values are set
 */
@ConfigurationProperties("user")
public record UserProperties(@DefaultValue Jwt jwt, @DefaultValue Login login, @DefaultValue BootstrapAdmin bootstrapAdmin) {

    public record Jwt(String privateKey, @DefaultValue(".infra/keys/user-service-jwt.pem") String generatedKeyFile,
            @DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl) {
    }

    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration failureWindow) {
    }

    public record BootstrapAdmin(String email, String password) {
    }
}
