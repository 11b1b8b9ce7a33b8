package com.delivery.order.api;

import com.delivery.kit.web.Problems;
import com.delivery.order.app.OrderNotPlaceableException;
import com.delivery.order.domain.IllegalTransitionException;
import com.delivery.order.domain.NotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order rules' refusals as problem details, in the kit's format; asked before the kit's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblemsAdvice {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, e.code(), e.getMessage(), request.getRequestURI()));
    }

    /** 422 with {@code problems}: every reason the order cannot be placed, as sentences for the customer. */
    @ExceptionHandler(OrderNotPlaceableException.class)
    ResponseEntity<ProblemDetail> notPlaceable(OrderNotPlaceableException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "order-not-placeable", e.getMessage(),
                request.getRequestURI());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
