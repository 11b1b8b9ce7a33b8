package com.delivery.kit.ratelimit;

import com.delivery.kit.config.PlatformProperties;
import com.delivery.kit.web.ProblemResponseWriter;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits anonymous callers per client address and authenticated callers per user; over the limit gives 429 with
 * Retry-After. The client address is {@link ClientAddress}: the real client behind a trusted proxy (from
 * X-Forwarded-For), the peer itself otherwise, so users behind the ingress do not share one budget and nobody can
 * pick a fresh one by sending the header themselves.
 * <p>
 * Fails open: while Redis cannot be asked (down, not answering, cooling down after a failure; see
 * {@link com.delivery.kit.resilience.RedisGuard}) requests pass unchecked and count in
 * {@code rate_limiter_fail_open_total}. Refusing everyone because the counter store is away would turn a Redis
 * outage into a full outage of a service whose own data is fine.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RedisRateLimiter limiter;
    private final PlatformProperties.RateLimit settings;
    private final ProblemResponseWriter writer;
    private final Counter failedOpen;

    /** @param failedOpen counts the requests let through unchecked because Redis could not be asked */
    public RateLimitFilter(RedisRateLimiter limiter, PlatformProperties.RateLimit settings,
            ProblemResponseWriter writer, Counter failedOpen) {
        this.limiter = limiter;
        this.settings = settings;
        this.writer = writer;
        this.failedOpen = failedOpen;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // probes (kubelet, Docker, fleet.sh) must never see a 429: a failed liveness probe restarts the pod
        return !settings.enabled() || path.startsWith("/actuator") || path.equals("/livez") || path.equals("/readyz")
                || settings.exemptPaths().stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Optional<RedisRateLimiter.Decision> asked = auth instanceof JwtAuthenticationToken token
                ? limiter.acquire("user", token.getName(), settings.perUser(), settings.window())
                : limiter.acquire("ip", ClientAddress.of(request), settings.anonymousPerIp(), settings.window());
        if (asked.isEmpty()) {
            failedOpen.increment();
            chain.doFilter(request, response);
            return;
        }
        RedisRateLimiter.Decision decision = asked.get();
        response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, decision.retryAfter().toSeconds())));
            writer.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests; try again later");
            return;
        }
        chain.doFilter(request, response);
    }
}
