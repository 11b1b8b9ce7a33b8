package com.delivery.kit.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) as a problem, in place of Spring Boot's JSON or HTML: what
 * ends there (an error in a filter, a {@code sendError} by the server or a library) answers like every other error,
 * never with internals.
 */
@Hidden
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemResponseWriter writer;

    public ProblemErrorController(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "Something went wrong on our side"
                : "The request could not be processed";
        String problemCode = status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal" : slug(status);
        response.resetBuffer();
        writer.write(new OriginalUri(request), response, status, problemCode, detail);
    }

    private static String slug(HttpStatus status) {
        return status.name().toLowerCase().replace('_', '-');
    }

    /** The problem's {@code instance} is the path that failed, not {@code /error}. */
    private static final class OriginalUri extends HttpServletRequestWrapper {

        OriginalUri(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            Object uri = getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri instanceof String text ? text : super.getRequestURI();
        }
    }
}
