package com.delivery.kit.config;

import com.delivery.kit.ratelimit.RateLimitFilter;
import com.delivery.kit.ratelimit.RedisRateLimiter;
import com.delivery.kit.security.CurrentUserArgumentResolver;
import com.delivery.kit.security.JwtRoles;
import com.delivery.kit.security.ProblemSecurityHandlers;
import com.delivery.kit.web.CorrelationIdFilter;
import com.delivery.kit.web.ProblemDetailsAdvice;
import com.delivery.kit.web.ProblemResponseWriter;
import com.delivery.kit.web.RequestSizeLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web edge of every service: problem details, correlation ids, body size limit, the JWT resource server with
 * public paths from configuration, CORS, and Redis-backed rate limits when the service uses Redis (the limiter
 * itself comes from {@link KitRedisAutoConfiguration}).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"}, before = {SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(PlatformProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class KitWebAutoConfiguration {

    // the actuator paths are served on the management port only (where the same chain applies); /actuator/prometheus
    // stays listed so the application port answers it with 404, not 401; /livez and /readyz are the probes there
    private static final String[] ALWAYS_PUBLIC = {"/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz", "/api-docs/**", "/api-docs", "/swagger-ui/**",
            "/swagger-ui.html", "/error"};

    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemResponseWriter problemResponseWriter(ObjectProvider<JsonMapper> mapper) {
        return new ProblemResponseWriter(mapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(PlatformProperties properties,
            ProblemResponseWriter writer) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestBody().toBytes(), writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformProperties properties) {
        // the key set comes from the user service, on a request's path whenever the cached one is stale or lacks the
        // token's key: without timeouts a user service that stops answering would hold those requests for minutes
        SimpleClientHttpRequestFactory keySetRequests = new SimpleClientHttpRequestFactory();
        keySetRequests.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
        keySetRequests.setReadTimeout(JWKS_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.security().jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(new RestTemplate(keySetRequests)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.security().issuer())));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformProperties properties,
            ProblemResponseWriter writer, ObjectProvider<RedisRateLimiter> rateLimiter,
            ObjectProvider<MeterRegistry> meters) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(writer);
        List<String> publicPaths = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        publicPaths.addAll(properties.security().publicPaths());
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        RedisRateLimiter limiter = rateLimiter.getIfAvailable();
        if (limiter != null) {
            Counter failedOpen = Counter.builder("rate_limiter.fail_open")
                    .description("Requests let through unchecked because Redis could not be asked")
                    .register(meters.getIfAvailable(SimpleMeterRegistry::new));
            http.addFilterAfter(new RateLimitFilter(limiter, properties.rateLimit(), writer, failedOpen),
                    BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    private static CorsConfigurationSource corsSource(PlatformProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.security().corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
