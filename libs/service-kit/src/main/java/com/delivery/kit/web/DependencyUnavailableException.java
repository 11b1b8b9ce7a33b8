package com.delivery.kit.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * 503 {@code /problems/dependency-unavailable} with a Retry-After header: a store or broker this answer needs is not
 * reachable right now. Nothing is wrong with the request; the same request is worth sending again later.
 */
public class DependencyUnavailableException extends ApiException {

    public static final String CODE = "dependency-unavailable";

    private final Duration retryAfter;

    public DependencyUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, CODE, detail);
        this.retryAfter = retryAfter;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
