package com.delivery.kit.web.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks {@link HttpUrl}. */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || isHttpUrl(value.toString());
    }

    public static boolean isHttpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        // a host with characters URI calls "registry-based" (my_bucket.example.com) still counts as a host
        return (lower.equals("https") || lower.equals("http")) && authority != null && !authority.isBlank()
                && authority.indexOf('@') < 0 && authority.charAt(0) != ':';
    }
}
