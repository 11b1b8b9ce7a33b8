package com.delivery.payment.api;

import com.delivery.kit.web.Problems;
import com.delivery.payment.app.IntentNotReadyException;
import com.delivery.payment.app.PaymentNotYetKnownException;
import com.delivery.payment.app.PaymentProviderException;
import com.delivery.payment.domain.PaymentRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Payment rules and provider failures as problem details, next to the kit's general mapping. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaymentProblemAdvice.class);

    @ExceptionHandler(PaymentRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(PaymentRuleViolation e, HttpServletRequest request) {
        HttpStatus status = e.kind() == PaymentRuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(Problems.of(status, e.code(), e.getMessage(), request.getRequestURI()));
    }

    /**
     * The intent comes once {@code order.created} and the vendor's stock hold ({@code inventory.reserved}) are
     * consumed, normally within a second of checkout.
     */
    @ExceptionHandler(IntentNotReadyException.class)
    ResponseEntity<ProblemDetail> intentNotReady(IntentNotReadyException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "1")
                .body(Problems.of(HttpStatus.CONFLICT, "intent-not-ready", e.getMessage(), request.getRequestURI()));
    }

    /**
     * A webhook for one of our payments that is not recorded yet: 503, so Stripe delivers it again (Stripe keeps its
     * own schedule; Retry-After tells any other caller when it is worth it).
     */
    @ExceptionHandler(PaymentNotYetKnownException.class)
    ResponseEntity<ProblemDetail> paymentNotYetKnown(PaymentNotYetKnownException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-not-yet-known", e.getMessage(),
                        request.getRequestURI()));
    }

    /** Stripe's own message says what went wrong (no secrets in it); an outage is a 503 worth retrying. */
    @ExceptionHandler(PaymentProviderException.class)
    ResponseEntity<ProblemDetail> provider(PaymentProviderException e, HttpServletRequest request) {
        log.warn("Payment provider error on {} {}: code={} {}", request.getMethod(), request.getRequestURI(), e.code(),
                e.getMessage());
        HttpStatus status = e.unavailable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = Problems.of(status, e.unavailable() ? "payment-provider-unavailable"
                : "payment-provider-error", e.getMessage(), request.getRequestURI());
        problem.setProperty("providerCode", e.code());
        return ResponseEntity.status(status).body(problem);
    }
}
