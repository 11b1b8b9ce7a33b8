package com.delivery.kit.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * {@code ?radiusKm=Infinity} or {@code NaN} is no number a client means: query and path values for {@code double}
 * and {@code Double} must be finite decimals (else 400 naming the parameter). An editor, not a converter: Spring
 * falls back to its own number editor when a converter refuses.
 */
@ControllerAdvice
public class FiniteNumberParameters {

    @InitBinder
    void finiteNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Double.class, new FiniteDoubleEditor(true));
        binder.registerCustomEditor(double.class, new FiniteDoubleEditor(false));
    }

    static final class FiniteDoubleEditor extends PropertyEditorSupport {

        private final boolean allowEmpty;

        FiniteDoubleEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            String trimmed = text == null ? "" : text.trim();
            if (trimmed.isEmpty()) {
                if (!allowEmpty) {
                    throw new IllegalArgumentException("a number is required");
                }
                setValue(null);
                return;
            }
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    throw new IllegalArgumentException("not a decimal number");
                }
            }
            double value = Double.parseDouble(trimmed);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number");
            }
            setValue(value);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
