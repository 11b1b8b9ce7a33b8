package com.delivery.driver.api;

import com.delivery.driver.domain.DriverRuleException;
import com.delivery.driver.domain.InvalidDriverInputException;
import com.delivery.driver.domain.NotYoursException;
import com.delivery.kit.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Driver rule violations as problem details: refused in this state 409 (with its code), bad input 400, not yours 403. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DriverProblemAdvice {

    @ExceptionHandler(DriverRuleException.class)
    ResponseEntity<ProblemDetail> refused(DriverRuleException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(InvalidDriverInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDriverInputException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", e.getMessage(),
                request.getRequestURI());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NotYoursException.class)
    ResponseEntity<ProblemDetail> notYours(NotYoursException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), request.getRequestURI()));
    }
}
