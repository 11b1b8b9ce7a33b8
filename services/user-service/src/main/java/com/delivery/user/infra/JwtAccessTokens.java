package com.delivery.user.infra;

import com.delivery.kit.config.PlatformProperties;
import com.delivery.user.app.AccessTokens;
import com.delivery.user.domain.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** RS256 access tokens: subject = user id, {@code roles} and {@code email} claims, short-lived. */
class JwtAccessTokens implements AccessTokens {

    private final JwtEncoder encoder;
    private final String keyId;
    private final PlatformProperties platform;
    private final Duration ttl;
    private final Clock clock;

    JwtAccessTokens(JwtEncoder encoder, String keyId, PlatformProperties platform, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.keyId = keyId;
        this.platform = platform;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public String issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(platform.security().issuer())
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("roles", List.of(user.role().name()))
                .claim("email", user.email())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    @Override
    public long ttlSeconds() {
        return ttl.toSeconds();
    }
}
