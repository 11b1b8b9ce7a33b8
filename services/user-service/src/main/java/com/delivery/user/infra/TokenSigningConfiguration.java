package com.delivery.user.infra;

import com.delivery.kit.config.PlatformProperties;
import com.delivery.user.app.AccessTokens;
import com.delivery.user.app.PublicJwks;
import com.delivery.user.app.UserProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** One key pair signs access tokens, is published as the JWKS, and validates tokens presented to this service. */
@Configuration(proxyBeanMethods = false)
class TokenSigningConfiguration {

    @Bean
    RSAKey signingKey(UserProperties properties, Environment environment) {
        boolean generationAllowed = environment.acceptsProfiles(Profiles.of("local", "test"));
        return SigningKeys.load(properties.jwt(), generationAllowed);
    }

    @Bean
    PublicJwks publicJwks(RSAKey signingKey) {
        return new PublicJwks(new JWKSet(signingKey.toPublicJWK()).toJSONObject());
    }

    @Bean
    AccessTokens accessTokens(RSAKey signingKey, PlatformProperties platform, UserProperties properties, Clock clock) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        return new JwtAccessTokens(encoder, signingKey.getKeyID(), platform, properties.jwt().accessTokenTtl(), clock);
    }

    /** This service checks its own tokens with the key it holds, not through its own HTTP endpoint. */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, PlatformProperties platform) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(platform.security().issuer())));
        return decoder;
    }
}
