package com.delivery.kit.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson's part of the input rules, for every JSON a service reads with its {@code JsonMapper}: strings (values,
 * list elements, map keys) obey {@link TextRules}; {@code double}/{@code float} values must be finite (an
 * exponent like {@code 1e999} would otherwise arrive as Infinity, a string "NaN" as NaN).
 */
public class StrictJsonModule extends SimpleModule {

    public StrictJsonModule() {
        super("delivery-strict-json");
        addDeserializer(String.class, new StrictStringDeserializer());
        addKeyDeserializer(String.class, new StrictStringKeyDeserializer());
        addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class, null));
        addDeserializer(Double.TYPE, new FiniteDoubleDeserializer(Double.TYPE, 0.0));
        addDeserializer(Float.class, new FiniteFloatDeserializer(Float.class, null));
        addDeserializer(Float.TYPE, new FiniteFloatDeserializer(Float.TYPE, 0.0f));
    }

    static String checked(String value, JsonParser parser) {
        String problem = TextRules.problem(value);
        if (problem != null) {
            throw new RefusedValueException(parser, problem, printable(value), String.class);
        }
        return value;
    }

    /** The refused text without the refused characters, so the exception message itself stays writable. */
    private static String printable(String value) {
        StringBuilder text = new StringBuilder(Math.min(value.length(), 60));
        for (int i = 0; i < value.length() && text.length() < 60; i++) {
            char c = value.charAt(i);
            text.append(c == 0 || Character.isSurrogate(c) ? '?' : c);
        }
        return text.toString();
    }

    /** Jackson's own string handling (coercions included), plus the text rules. */
    static final class StrictStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            return value == null ? null : checked(value, p);
        }
    }

    static final class StrictStringKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return key == null ? null : checked(key, ctxt.getParser());
        }
    }

    static final class FiniteDoubleDeserializer extends NumberDeserializers.DoubleDeserializer {

        FiniteDoubleDeserializer(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw new RefusedValueException(p, "must be a finite number", String.valueOf(value), Double.class);
            }
            return value;
        }
    }

    static final class FiniteFloatDeserializer extends NumberDeserializers.FloatDeserializer {

        FiniteFloatDeserializer(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) {
            Float value = super.deserialize(p, ctxt);
            if (value != null && !Float.isFinite(value)) {
                throw new RefusedValueException(p, "must be a finite number", String.valueOf(value), Float.class);
            }
            return value;
        }
    }
}
