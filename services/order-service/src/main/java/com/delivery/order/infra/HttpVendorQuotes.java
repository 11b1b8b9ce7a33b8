package com.delivery.order.infra;

import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.CorrelationId;
import com.delivery.order.app.OrderProperties;
import com.delivery.order.app.VendorQuotes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {VENDOR_SERVICE_URL}/api/v1/vendors/{vendorId}/quote} with the customer's own token. Bounded by
 * connect and read timeouts; retried with backoff on failures a repeat can cure (unreachable, timed out, 502/503/504,
 * 429); guarded by the {@code vendor-quotes} circuit breaker, which opens when the vendor service keeps failing so
 * checkouts fail fast with 503 instead of piling up. Answers of the vendor about the request itself (404, 4xx) are
 * neither retried nor counted as failures.
 */
@Component
class HttpVendorQuotes implements VendorQuotes {

    static final String BREAKER = "vendor-quotes";
    private static final Logger log = LoggerFactory.getLogger(HttpVendorQuotes.class);

    private final HttpClient http;
    private final String baseUrl;
    private final OrderProperties.Vendor settings;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final Retry retry;

    HttpVendorQuotes(OrderProperties properties, JsonMapper json, CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        this.settings = properties.vendor();
        this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig
                .from(breakers.getConfiguration("vendor").orElse(breakers.getDefaultConfig()))
                .recordException(TransientVendorFailure.class::isInstance)
                .build();
        this.breaker = breakers.circuitBreaker(BREAKER, breakerConfig);
        RetryConfig retryConfig = RetryConfig.from(retries.getConfiguration("vendor").orElse(retries.getDefaultConfig()))
                .retryOnException(e -> e instanceof TransientVendorFailure failure && failure.retryable())
                .build();
        this.retry = retries.retry(BREAKER, retryConfig);
    }

    @Override
    public VendorQuote quote(UUID vendorId, QuoteRequest request, String authorization) {
        Supplier<VendorQuote> call = () -> callOnce(vendorId, request, authorization);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (CallNotPermittedException e) {
            log.warn("Vendor quote refused by open circuit vendorId={}", vendorId);
            throw unavailable();
        } catch (TransientVendorFailure e) {
            log.warn("Vendor quote failed vendorId={}: {}", vendorId, e.getMessage());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("vendor-unavailable",
                "Prices cannot be checked right now; no order was placed. Please try again shortly");
    }

    private VendorQuote callOnce(UUID vendorId, QuoteRequest request, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/vendors/" + vendorId + "/quote"))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            builder.header(CorrelationId.HEADER, correlationId);
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientVendorFailure("vendor service unreachable or too slow: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientVendorFailure("interrupted while waiting for the vendor service", false, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return json.readValue(response.body(), VendorQuote.class);
            } catch (JacksonException e) {
                throw new TransientVendorFailure("unreadable quote: " + e.getOriginalMessage(), false, e);
            }
        }
        if (status == 404) {
            throw ApiException.notFound("Vendor", vendorId);
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new TransientVendorFailure("vendor service answered " + status, true, null);
        }
        if (status >= 500 || status < 200 || status >= 300 && status < 400) {
            throw new TransientVendorFailure("vendor service answered " + status, false, null);
        }
        throw ApiException.unprocessable("quote-refused", "The vendor refused the order: " + detail(response));
    }

    private String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            String detail = problem.path("detail").asString("");
            return detail.isBlank() ? "status " + response.statusCode() : detail;
        } catch (JacksonException | IllegalArgumentException e) {
            return "status " + response.statusCode();
        }
    }
}
