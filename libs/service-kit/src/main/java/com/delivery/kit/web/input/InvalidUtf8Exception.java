package com.delivery.kit.web.input;

import java.io.IOException;

/**
 * A request body that is not strict UTF-8, noticed while it is read (so before any JSON parser decodes it);
 * answered with 400 {@code /problems/invalid-encoding}.
 */
public class InvalidUtf8Exception extends IOException {

    public InvalidUtf8Exception(long offset, boolean truncated) {
        super(truncated ? "The request body ends inside a UTF-8 sequence"
                : "The request body is not valid UTF-8 (byte " + offset + ")");
    }
}
