package com.delivery.kit.web;

import java.io.IOException;

/** Thrown while reading a request body that outgrows the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
    }
}
