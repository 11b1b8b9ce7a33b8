package com.delivery.kit.web.input;

import com.delivery.kit.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request's text, before anything decodes it:
 * <ul>
 *   <li>the path and the query string must be well-formed percent-encoding of strict UTF-8 without NUL
 *       ({@link UrlText}), else 400 {@code /problems/malformed-url} naming the parameter;</li>
 *   <li>a JSON or text body (declared UTF-8 or without a charset) is checked byte by byte as it is read
 *       ({@link Utf8}): the reader gets an {@link InvalidUtf8Exception} instead of the first bad byte, which the kit's
 *       problem advice answers with 400 {@code /problems/invalid-encoding}. The bytes themselves pass unchanged, so
 *       a raw-body consumer (a signed webhook) still sees exactly what was sent.</li>
 * </ul>
 */
public class StrictInputFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter writer;

    public StrictInputFilter(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UrlText.Problem problem = UrlText.checkPath(request.getRequestURI());
        if (problem == null) {
            problem = UrlText.checkQuery(request.getQueryString());
        }
        if (problem != null) {
            writer.write(request, response, HttpStatus.BAD_REQUEST, "malformed-url", "The request URL is not valid",
                    Map.of("errors", List.of(Map.of("field", problem.field(), "message", problem.message()))));
            return;
        }
        if (isWildcard(request.getContentType())) {
            // Spring refuses to even read such a header (an IllegalArgumentException deep in request handling)
            writer.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Type must name one media type, not a pattern such as application/*");
            return;
        }
        chain.doFilter(checksUtf8(request) ? new Utf8CheckedRequest(request) : request, response);
    }

    static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    /** JSON and text bodies whose declared charset is UTF-8 or none (JSON is UTF-8 by definition, RFC 8259). */
    static boolean checksUtf8(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        boolean textual = "text".equals(type.getType()) || "json".equals(type.getSubtype())
                || type.getSubtype().endsWith("+json");
        if (!textual) {
            return false;
        }
        try {
            Charset charset = type.getCharset();
            return charset == null || StandardCharsets.UTF_8.equals(charset);
        } catch (RuntimeException unknownCharset) {
            return false;
        }
    }

    private static final class Utf8CheckedRequest extends HttpServletRequestWrapper {

        private ServletInputStream checked;

        Utf8CheckedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new Utf8CheckedInputStream(super.getInputStream());
            }
            return checked;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }
    }

    /** Passes bytes through once they are known to be strict UTF-8; a bad byte is never handed out. */
    static final class Utf8CheckedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final Utf8 utf8 = new Utf8();

        Utf8CheckedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b < 0) {
                end();
            } else if (!utf8.accept(b)) {
                throw new InvalidUtf8Exception(utf8.offset(), false);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = delegate.read(buffer, off, len);
            if (n < 0) {
                end();
            }
            for (int i = off; i < off + n; i++) {
                if (!utf8.accept(buffer[i] & 0xFF)) {
                    throw new InvalidUtf8Exception(utf8.offset(), false);
                }
            }
            return n;
        }

        private void end() throws InvalidUtf8Exception {
            if (!utf8.complete()) {
                throw new InvalidUtf8Exception(utf8.offset(), true);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
