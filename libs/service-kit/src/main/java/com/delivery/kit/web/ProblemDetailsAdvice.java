package com.delivery.kit.web;

import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.kit.web.input.InvalidUtf8Exception;
import com.delivery.kit.web.input.RefusedValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves as RFC 9457 problem details; nothing internal (stack traces, SQL) reaches the client. A store
 * that is unavailable is a 503 {@code dependency-unavailable} with Retry-After, never a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Duration DEPENDENCY_RETRY_AFTER = Duration.ofSeconds(5);

    private final WarningThrottle dependencyWarnings = new WarningThrottle(Duration.ofSeconds(10));

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        Duration retryAfter = e instanceof TooManyRequestsException limited ? limited.retryAfter()
                : e instanceof DependencyUnavailableException unavailable ? unavailable.retryAfter() : null;
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage(), request.getRequestURI());
        e.properties().forEach(problem::setProperty);
        return response.body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "concurrent-update",
                "The resource was changed by someone else meanwhile; read it again and retry", request);
    }

    /**
     * A store that did not answer in time (connection refused or lost, pool or command timeout; see
     * {@link DependencyFailures}) is no bug of ours and no fault of the request: 503 with Retry-After, quickly.
     * Logged as one WARN every few seconds at most, however many requests meet the outage. Other failures of these
     * types stay 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class,
            UncategorizedDataAccessException.class})
    ResponseEntity<ProblemDetail> dependencyFailure(Exception e, HttpServletRequest request) {
        if (!DependencyFailures.isUnavailability(e)) {
            return unexpected(e, request);
        }
        OptionalLong occurrences = dependencyWarnings.occurred(System.currentTimeMillis());
        if (occurrences.isPresent()) {
            log.warn("A store is unavailable: {} {} answered 503 ({} such answer(s) since the last line): {}",
                    request.getMethod(), request.getRequestURI(), occurrences.getAsLong(), e.toString());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DEPENDENCY_RETRY_AFTER.toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DependencyUnavailableException.CODE,
                        "This needs a store that is unavailable right now; try again shortly",
                        request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request is not valid",
                request.getRequestURI());
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", leafName(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this", request);
    }

    /** E.g. a public endpoint that still asks for the {@link com.delivery.kit.security.CurrentUser}. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required",
                        request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request is not valid",
                path(request));
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request is not valid",
                path(request));
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", err instanceof FieldError field ? field.getField() : parameterName(r.getMethodParameter()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large", "The request body is too large", path(request)));
        }
        InvalidUtf8Exception notUtf8 = cause(e, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-encoding",
                    notUtf8.getMessage(), path(request)));
        }
        String field = offendingField(e);
        RefusedValueException refused = cause(e, RefusedValueException.class);
        if (refused != null) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request is not valid",
                    path(request));
            problem.setProperty("errors", List.of(Map.of("field", field == null ? "body" : field,
                    "message", refused.reason())));
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is missing or is not valid JSON of the expected shape", path(request));
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", expected(e))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A query or path value that does not convert ({@code ?page=1.5}, {@code /orders/not-a-uuid}): 400 naming the
     * parameter and what it should be, never echoing the value's Java rendering.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        if (type != null && (type.isArray() || Collection.class.isAssignableFrom(type))
                && e instanceof MethodArgumentTypeMismatchException argument) {
            type = argument.getParameter().nested().getNestedParameterType();
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "The value of '" + (name == null ? "a parameter" : printable(name)) + "' is not valid", path(request));
        problem.setProperty("errors", List.of(Map.of("field", name == null ? "parameter" : printable(name),
                "message", expected(type))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A URL or header the security firewall refused (encoded slash, control character, ...). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "rejected-request", "The request URL or a header is not acceptable",
                request);
    }

    /** A multipart body that is not multipart (no endpoint here takes uploads, but the servlet still parses them). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "The multipart request body could not be read",
                request);
    }

    /** The server could not parse the parameters (malformed form body, too many parameters). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return problem(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                "malformed-parameters", "The request parameters could not be read", request);
    }

    /** Framework-raised errors (404 route, 405, 415, type mismatch...) keep their status but get our shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail()
                : "The request could not be processed";
        ProblemDetail problem = Problems.of(status, slug(status), detail, path(request));
        return new ResponseEntity<>(problem, headers, status);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
            HttpServletRequest request) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail, request.getRequestURI()));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "argument" + parameter.getParameterIndex() : name;
    }

    private static String leafName(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String offendingField(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? printable(ref.getPropertyName())
                                : String.valueOf(ref.getIndex()))
                        .reduce((a, b) -> a + "." + b).orElse(null);
            }
        }
        return null;
    }

    /** A field name as sent, minus characters that are refused in any text (it may be the refused map key). */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder(Math.min(name.length(), 100));
        for (int i = 0; i < name.length() && text.length() < 100; i++) {
            char c = name.charAt(i);
            text.append(c < 0x20 || Character.isSurrogate(c) ? '?' : c);
        }
        return text.toString();
    }

    /** What the field should have been, from Jackson's target type; never a Java class name. */
    private static String expected(Throwable e) {
        MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
        return expected(mismatch == null ? null : mismatch.getTargetType());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "must be a whole number (no fraction, no quotes)";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Temporal.class.isAssignableFrom(type) || type == ZoneId.class) {
            return "must be a date or time in ISO-8601 form";
        }
        return "has the wrong type or format";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
