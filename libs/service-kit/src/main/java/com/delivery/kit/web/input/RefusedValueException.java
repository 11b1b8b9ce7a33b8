package com.delivery.kit.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value the platform refuses although it is well-formed: text with NUL or an unpaired surrogate
 * ({@link TextRules}), a number that is not finite. Jackson adds the path to the field; the kit's problem advice
 * answers 400 {@code /problems/validation} with {@code errors[{field, message}]}.
 */
public class RefusedValueException extends InvalidFormatException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    /** What is wrong, for the client ("must not contain the NUL character (U+0000)"). */
    public String reason() {
        return reason;
    }
}
