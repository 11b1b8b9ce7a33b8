package com.delivery.kit.web.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Checks the raw (still percent-encoded) path and query string of a request: every {@code %} starts two hex
 * digits, the decoded bytes are strict UTF-8 ({@link Utf8}) and none is NUL. Servers and frameworks otherwise
 * disagree about such URLs: some replace bad bytes with U+FFFD, some fail deep inside parameter parsing.
 */
public final class UrlText {

    static final String BAD_ESCAPE = "must use percent-encoding as % followed by two hex digits";
    static final String NOT_UTF8 = "must be UTF-8 once percent-decoded";

    private UrlText() {
    }

    /** A part of the URL that is not acceptable: where it is (a query parameter's name, or "path") and why. */
    public record Problem(String field, String message) {
    }

    /** @return null when the raw path is acceptable */
    public static Problem checkPath(String rawPath) {
        String message = problem(rawPath, 0, rawPath == null ? 0 : rawPath.length());
        return message == null ? null : new Problem("path", message);
    }

    /** @return null when every name and value of the raw query string is acceptable */
    public static Problem checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int equals = rawQuery.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            String nameProblem = problem(rawQuery, start, nameEnd);
            String valueProblem = nameProblem != null || nameEnd == end ? null : problem(rawQuery, nameEnd + 1, end);
            if (nameProblem != null || valueProblem != null) {
                String rawName = rawQuery.substring(start, nameEnd);
                String field = nameProblem == null ? decode(rawName) : printable(rawName);
                return new Problem(field.isEmpty() ? "query" : field, nameProblem != null ? nameProblem : valueProblem);
            }
            start = end + 1;
        }
        return null;
    }

    private static String problem(String raw, int from, int to) {
        if (raw == null) {
            return null;
        }
        Utf8 utf8 = new Utf8();
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    return BAD_ESCAPE;
                }
                i += 2;
                String message = accept(utf8, hi << 4 | lo);
                if (message != null) {
                    return message;
                }
            } else if (c < 0x100) {
                // the server hands raw bytes over as ISO-8859-1 characters
                String message = accept(utf8, c);
                if (message != null) {
                    return message;
                }
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    String message = accept(utf8, b & 0xFF);
                    if (message != null) {
                        return message;
                    }
                }
            }
        }
        return utf8.complete() ? null : NOT_UTF8;
    }

    private static String accept(Utf8 utf8, int b) {
        if (b == 0) {
            return TextRules.NUL;
        }
        return utf8.accept(b) ? null : NOT_UTF8;
    }

    /** Percent-decodes text already known to be valid. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A name that could not be decoded, as plain ASCII for the problem's {@code errors}. */
    private static String printable(String raw) {
        StringBuilder text = new StringBuilder(Math.min(raw.length(), 100));
        for (int i = 0; i < raw.length() && text.length() < 100; i++) {
            char c = raw.charAt(i);
            text.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.toString();
    }
}
