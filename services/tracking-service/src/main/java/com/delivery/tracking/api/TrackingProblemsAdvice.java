package com.delivery.tracking.api;

import com.delivery.kit.web.Problems;
import com.delivery.tracking.domain.LocationRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused location reports as problem details: 403 for who may not report, 422 for what is not believable. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrackingProblemsAdvice {

    @ExceptionHandler(LocationRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(LocationRejectedException e, HttpServletRequest request) {
        HttpStatus status = e.reason().isPermission() ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status)
                .body(Problems.of(status, e.reason().code(), e.getMessage(), request.getRequestURI()));
    }
}
