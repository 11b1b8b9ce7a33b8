package com.delivery.notification.app;

import com.delivery.notification.domain.Channel;
import java.util.Locale;
import java.util.Map;

/** Turns a template, a channel and a reader's locale into the text to send. */
public interface TemplateRenderer {

    /**
     * @param template the route's template name, e.g. {@code order-created.customer}
     * @param locale   the reader's locale; a language without templates falls back to English
     */
    Rendered render(String template, Channel channel, Locale locale, Map<String, Object> model);

    /**
     * @param locale  the language actually used ({@code en}, {@code de})
     * @param subject push title or email subject; {@code null} for SMS
     * @param body    push or SMS text, or email HTML
     */
    record Rendered(String locale, String subject, String body) {
    }
}
