package com.delivery.kit.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way everywhere: typed, titled, with the request path and correlation id. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /**
     * The request path as the problem's {@code instance}. A path the server let through may still be no valid
     * {@link URI} ({@code %zz}, raw non-ASCII bytes): then it is re-encoded, so answering a bad request never fails.
     */
    static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            StringBuilder encoded = new StringBuilder(path.length() + 16);
            for (char c : path.toCharArray()) {
                boolean plain = c < 0x7F && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0);
                if (plain) {
                    encoded.append(c);
                } else {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        encoded.append('%').append(String.format("%02X", b & 0xFF));
                    }
                }
            }
            try {
                return URI.create(encoded.toString());
            } catch (IllegalArgumentException stillNot) {
                return null;
            }
        }
    }
}
